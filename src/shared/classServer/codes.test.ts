import { describe, expect, it } from 'vitest';
import {
  isJoinCode,
  JOIN_CODE_ALPHABET,
  joinCodeFrom,
  learnerNameKey,
  learnerNameSchema,
  normalizeJoinCode,
} from './codes';

describe('join codes', () => {
  it('are six letters from an alphabet without look-alikes, every letter equally likely', () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    let state = 0;
    const bytes = (count: number) => Uint8Array.from({ length: count }, () => (state = (state + 37) % 256));
    const code = joinCodeFrom(bytes);
    expect(isJoinCode(code)).toBe(true);
    // Bytes past the largest multiple of the alphabet's size are skipped, not folded onto the first letters.
    expect(joinCodeFrom(() => Uint8Array.from([255, 254, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]))).toBe(
      '234567',
    );
  });

  it('forgive case, spaces and dashes as typed', () => {
    expect(normalizeJoinCode(' abc-d e2 ')).toBe('ABCDE2');
    expect(isJoinCode('ABCDE2')).toBe(true);
    expect(isJoinCode('ABCDE0')).toBe(false);
  });
});

describe('learner names', () => {
  it('are trimmed and folded; the same name in another case or with accents is the same learner', () => {
    expect(learnerNameSchema.parse('  Zoë   Smith ')).toBe('Zoë Smith');
    expect(learnerNameKey('Zoë  SMITH')).toBe(learnerNameKey('zoe smith'));
    expect(learnerNameSchema.safeParse('   ').success).toBe(false);
  });
});
