import { describe, expect, it } from 'vitest';
import { formatTimecode, formatTimecodeRange } from './timecode';

describe('formatTimecode', () => {
  it('writes m:ss.t under an hour', () => {
    expect(formatTimecode(0)).toBe('0:00.0');
    expect(formatTimecode(12_345)).toBe('0:12.3');
    expect(formatTimecode(15_000)).toBe('0:15.0');
    expect(formatTimecode(754_900)).toBe('12:34.9');
  });

  it('rounds to the nearest tenth and carries, never showing 60 seconds', () => {
    expect(formatTimecode(14_960)).toBe('0:15.0');
    expect(formatTimecode(59_960)).toBe('1:00.0');
    expect(formatTimecode(3_599_960)).toBe('1:00:00.0');
  });

  it('writes h:mm:ss.t from an hour on', () => {
    expect(formatTimecode(3_600_000)).toBe('1:00:00.0');
    expect(formatTimecode(3_723_400)).toBe('1:02:03.4');
  });

  it('signs negative times, but not one that rounds to zero', () => {
    expect(formatTimecode(-1_500)).toBe('-0:01.5');
    expect(formatTimecode(-20)).toBe('0:00.0');
  });

  it('writes a range with an en dash', () => {
    expect(formatTimecodeRange(12_300, 15_000)).toBe('0:12.3–0:15.0');
  });
});
