import { describe, expect, it } from 'vitest';
import { cuesFromWords, DRAFT_CUE_MAX_CHARS } from './draft';

const word = (text: string, start: number, end: number) => ({ text, start, end });

describe('cuesFromWords', () => {
  it('starts a new caption at a pause and keeps each caption’s words', () => {
    const words = [word('cells', 0, 400), word('divide', 450, 900), word('then', 1800, 2000), word('grow', 2050, 2400)];
    expect(cuesFromWords(words)).toEqual([
      { start: 0, end: 900, text: 'cells divide', words: words.slice(0, 2) },
      { start: 1800, end: 2400, text: 'then grow', words: words.slice(2) },
    ]);
  });

  it('never makes a caption too long to read at a glance', () => {
    const words = Array.from({ length: 60 }, (_, index) => word('photosynthesis', index * 300, index * 300 + 280));
    const cues = cuesFromWords(words);
    expect(cues.length).toBeGreaterThan(5);
    for (const cue of cues) {
      expect(cue.text.length).toBeLessThanOrEqual(DRAFT_CUE_MAX_CHARS);
      expect(cue.end - cue.start).toBeLessThanOrEqual(6_000);
    }
    expect(cues.flatMap((cue) => cue.words ?? [])).toEqual(words);
  });
});
