import { describe, expect, it } from 'vitest';
import { mp4Language } from './iso639';

describe('mp4Language', () => {
  it('gives an MP4 track the three-letter (639-2/T) code of a caption track’s BCP 47 language', () => {
    expect(mp4Language('en')).toBe('eng');
    expect(mp4Language('fr-CA')).toBe('fra');
    expect(mp4Language('DE')).toBe('deu');
    expect(mp4Language('zh-Hant-TW')).toBe('zho');
    expect(mp4Language('sr-Latn')).toBe('srp');
    expect(mp4Language('haw')).toBe('haw');
  });

  it('calls a language MP4 cannot name undetermined rather than guessing', () => {
    expect(mp4Language('xx')).toBe('und');
    expect(mp4Language('')).toBe('und');
  });
});
