import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('uses decimal units with one decimal below ten', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(12_000)).toBe('12 kB');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(340_000_000)).toBe('340 MB');
    expect(formatBytes(1.2e15)).toBe('1200 TB');
  });
});
