import { describe, expect, it } from 'vitest';
import { insertAt, offsetOfLine } from './insertText';

describe('insertAt', () => {
  it('puts a block on lines of its own, and inline text where the cursor is', () => {
    expect(insertAt('Intro\nmore', 5, 5, '<Figure />', true)).toEqual({
      text: 'Intro\n\n<Figure />\n\nmore',
      cursor: 17,
    });
    expect(insertAt('a b', 2, 2, 'X', false)).toEqual({ text: 'a Xb', cursor: 3 });
    expect(insertAt('', 0, 0, 'X', true)).toEqual({ text: 'X\n\n', cursor: 1 });
  });

  it('finds where a line starts', () => {
    expect(offsetOfLine('a\nbc\nd', 3)).toBe(5);
    expect(offsetOfLine('a', 9)).toBe(1);
  });
});
