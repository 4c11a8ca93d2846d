import { describe, expect, it } from 'vitest';
import { languageHint, languageName } from './language';

describe('naming a language code', () => {
  it('names known codes, with their region', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName(' fr ')).toBe('French');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
  });

  it('gives nothing for an empty, unknown or malformed code', () => {
    expect(languageName('')).toBeNull();
    expect(languageName('qq')).toBeNull();
    expect(languageName('not a code')).toBeNull();
  });

  it('says in words what was typed, or how to type it', () => {
    expect(languageHint('es')).toBe('That is Spanish.');
    expect(languageHint('')).toMatch(/^Type the language’s short code: en for English/);
  });
});
