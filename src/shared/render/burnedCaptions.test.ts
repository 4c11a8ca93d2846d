import { describe, expect, it } from 'vitest';
import { blankDocument, idOf } from '../editor/testDocuments.testkit';
import { burnableTracks, burnedCaptions, cueAt, plainCueText } from './burnedCaptions';

const document = (text: string) =>
  blankDocument({
    editList: {
      sourceDuration: 10_000,
      trimStart: 0,
      trimEnd: 10_000,
      cuts: [{ start: 2_000, end: 3_000 }],
      splits: [],
    },
    captionTracks: [
      { id: idOf(1), label: 'English', srclang: 'en' },
      { id: idOf(2), label: 'English (simple)', srclang: 'en' },
    ],
    captionCues: [{ id: idOf(3), trackId: idOf(1), sourceStart: 4_000, sourceEnd: 5_000, text }],
  });

describe('plainCueText', () => {
  it('drops WebVTT tags and keeps their text, never treating the cue as markup', () => {
    expect(plainCueText('<b>Bold</b> and <i>italic</i> <u>under</u>')).toBe('Bold and italic under');
    expect(plainCueText('<c.yellow.loud>class</c> <v Ana Lopes>voice</v> <lang fr>mot</lang>')).toBe('class voice mot');
    expect(plainCueText('karaoke <00:01.000>one <00:00:02.500>two')).toBe('karaoke one two');
    expect(plainCueText('<ruby>漢<rt>kan</rt></ruby>')).toBe('漢kan');
  });

  it('keeps a “<” that starts no tag, and turns character references into their characters', () => {
    expect(plainCueText('if a < b and b > c')).toBe('if a < b and b > c');
    expect(plainCueText('Tom &amp; Jerry &lt;script&gt; &unknown;')).toBe('Tom & Jerry <script> &unknown;');
    // An escaped tag stays text: it was never markup.
    expect(plainCueText('&lt;b&gt;not bold&lt;/b&gt;')).toBe('<b>not bold</b>');
  });

  it('keeps the teacher’s line breaks but not empty lines or runs of spaces', () => {
    expect(plainCueText('  first   line \n\n<b></b>\n second ')).toBe('first line\nsecond');
  });
});

describe('burnedCaptions', () => {
  it('maps the cues through the edit and keys them, so an edit to a cue changes the key', () => {
    const burned = burnedCaptions(document('After the cut'), 'en');
    expect(burned).toMatchObject({ language: 'en', label: 'English', cues: [{ start: 3_000, end: 4_000 }] });
    expect(burned?.key).toMatch(/^[0-9a-f]{16}$/);
    expect(burnedCaptions(document('After the cut'), 'en')?.key).toBe(burned?.key);
    expect(burnedCaptions(document('After the cut!'), 'en')?.key).not.toBe(burned?.key);
    expect(burnedCaptions(document('After the cut'), 'fr')).toBeNull();
  });

  it('leaves out a cue whose text is only markup', () => {
    expect(burnedCaptions(document('<b></b>'), 'en')?.cues).toEqual([]);
  });

  it('offers each language once', () => {
    expect(burnableTracks(document(''))).toEqual([{ language: 'en', label: 'English' }]);
  });
});

describe('cueAt', () => {
  it('shows a cue from its start up to, not including, its end', () => {
    const cues = [
      { start: 0, end: 1_000, text: 'a' },
      { start: 1_000, end: 2_000, text: 'b' },
    ];
    expect(cueAt(cues, 999)?.text).toBe('a');
    expect(cueAt(cues, 1_000)?.text).toBe('b');
    expect(cueAt(cues, 2_000)).toBeNull();
  });
});
