import { describe, expect, it } from 'vitest';
import { clockTime12, decimal, decimalDown, duration2004, plainDecimal, timespan12, timestamp2004 } from './scormTime';

describe('SCORM time formats', () => {
  it.each([
    [0, '00:00:00.00'],
    [1234, '00:00:01.23'],
    [3_723_500, '01:02:03.50'],
    [100 * 3_600_000, '100:00:00.00'],
    [-5, '00:00:00.00'],
    [1e12, '9999:59:59.99'],
  ])('timespan12(%d) is %s', (ms, text) => {
    expect(timespan12(ms)).toBe(text);
    expect(text).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  });

  it.each([
    [0, 'PT0S'],
    [3_723_500, 'PT1H2M3.5S'],
    [60_000, 'PT1M'],
    [3_600_000, 'PT1H'],
    [1_234, 'PT1.23S'],
    [5, 'PT0.01S'],
  ])('duration2004(%d) is %s', (ms, text) => {
    expect(duration2004(ms)).toBe(text);
  });

  it('writes 2004 timestamps in UTC to the hundredth, and 1.2 clock times', () => {
    expect(timestamp2004(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe('2026-01-02T03:04:05.67Z');
    expect(clockTime12(new Date(2026, 0, 2, 3, 4, 5))).toBe('03:04:05');
  });

  it('writes decimals without exponents or trailing zeros', () => {
    expect(decimal(0.75)).toBe('0.75');
    expect(decimal(1 / 3)).toBe('0.3333');
    expect(decimal(1e-9)).toBe('0');
    expect(decimal(100)).toBe('100');
    expect(decimal(Number.NaN)).toBe('0');
  });
});

describe('plainDecimal', () => {
  it.each([
    [0.0000001, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [3, '3'],
    [-3.25, '-3.25'],
    [0.1, '0.1'],
    [1234567890, '1234567890'],
    [-0, '0'],
    [123.456e-5, '0.00123456'],
  ])('writes %d as %s', (value, text) => {
    expect(plainDecimal(value)).toBe(text);
    expect(text).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('refuses what no LMS decimal holds: exponent-sized numbers and NaN', () => {
    expect(plainDecimal(1e21)).toBeNull();
    expect(plainDecimal(12345678901)).toBeNull();
    expect(plainDecimal(1e-19)).toBeNull();
    expect(plainDecimal(Number.NaN)).toBeNull();
  });

  it('rounds scores down so an LMS never passes whom the player failed', () => {
    expect(decimalDown((2 / 3) * 100, 2)).toBe('66.66');
    expect(decimalDown(0.8 * 100, 2)).toBe('80');
    expect(decimalDown(0.7, 4)).toBe('0.7');
    expect(decimalDown(1, 4)).toBe('1');
  });
});
