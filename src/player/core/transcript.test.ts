import { describe, expect, it } from 'vitest';
import { findLine, searchLines } from './transcript';

const lines = [
  { start: 0, end: 2000, text: 'Good morning, class.' },
  { start: 2500, end: 5000, text: 'Today: le résumé of mitosis.' },
  { start: 5000, end: 7000, text: 'Mitosis makes two cells.' },
];

describe('transcript', () => {
  it('finds the line being said, and none in a pause', () => {
    expect(findLine(lines, 0)).toBe(0);
    expect(findLine(lines, 1999)).toBe(0);
    expect(findLine(lines, 2200)).toBe(-1);
    expect(findLine(lines, 5000)).toBe(2);
    expect(findLine(lines, 9000)).toBe(-1);
    expect(findLine([], 10)).toBe(-1);
  });

  it('finds every match ignoring case and accents, as ranges of the line’s own text', () => {
    expect([...searchLines(lines, 'MITOSIS').entries()]).toEqual([
      [1, [[20, 27]]],
      [2, [[0, 7]]],
    ]);
    expect(searchLines(lines, 'resume').get(1)).toEqual([[10, 16]]);
    expect(searchLines(lines, '  ').size).toBe(0);
  });
});
