import { describe, expect, it } from 'vitest';
import { truncateCodePoints } from './text';

describe('truncateCodePoints', () => {
  it('leaves text within the limit as it is', () => {
    expect(truncateCodePoints('Mitosis', 7)).toBe('Mitosis');
  });

  it('counts an emoji as one character and never cuts one in half', () => {
    expect(truncateCodePoints('🧪🧪🧪', 2)).toBe('🧪🧪');
    expect('🧪🧪🧪'.slice(0, 2)).not.toBe('🧪🧪');
  });

  it('ends a cut text with an ellipsis inside the limit when asked', () => {
    expect(truncateCodePoints('abcdef', 4, { ellipsis: true })).toBe('abc…');
    expect(Array.from(truncateCodePoints('🧪🧪🧪🧪🧪', 3, { ellipsis: true }))).toHaveLength(3);
  });
});
