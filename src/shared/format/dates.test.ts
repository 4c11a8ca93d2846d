import { describe, expect, it } from 'vitest';
import { formatRelative } from './dates';

describe('formatRelative', () => {
  const now = Date.UTC(2026, 11, 2, 12);
  it('says "just now" for the last 45 seconds, then minutes, hours and days', () => {
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatRelative(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(formatRelative(now - 24 * 3600_000, now)).toBe('yesterday');
  });
});
