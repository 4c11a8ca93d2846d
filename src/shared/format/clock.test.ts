import { describe, expect, it } from 'vitest';
import { formatClock, formatRate, formatRunningClock, spokenClock } from './clock';

describe('clocks', () => {
  it('writes a player clock without a leading zero, with hours from an hour on', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(5_999)).toBe('0:05');
    expect(formatClock(754_000)).toBe('12:34');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-500)).toBe('0:00');
  });

  it('keeps a running clock two digits wide below an hour so it does not jump', () => {
    expect(formatRunningClock(5_000)).toBe('00:05');
    expect(formatRunningClock(754_000)).toBe('12:34');
    expect(formatRunningClock(3_723_000)).toBe('1:02:03');
  });

  it('says a clock in words for screen readers', () => {
    expect(spokenClock(83_000)).toBe('1 minute 23 seconds');
    expect(spokenClock(3_601_000)).toBe('1 hour 1 second');
    expect(spokenClock(0)).toBe('0 seconds');
  });

  it('writes a speed with a multiplication sign', () => {
    expect(formatRate(1.25)).toBe('1.25×');
  });
});
