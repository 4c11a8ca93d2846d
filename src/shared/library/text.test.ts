import { describe, expect, it } from 'vitest';
import { stripBidiControls } from './text';
import { descriptionSchema, suggestedTitleSchema, titleSchema } from './schemas';

const OVERRIDES = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('stripBidiControls', () => {
  it('drops every embedding, override and isolate control, keeping right-to-left text itself', () => {
    expect(stripBidiControls(`Grade${OVERRIDES.join('')} 7`)).toBe('Grade 7');
    expect(stripBidiControls('\u202Egpj.exe')).toBe('gpj.exe');
    expect(stripBidiControls('الفيزياء 101')).toBe('الفيزياء 101');
    expect(stripBidiControls('marks stay: \u200E\u200F')).toBe('marks stay: \u200E\u200F');
  });
});

describe('titles and names in the shared schemas', () => {
  it('strip bidi controls from titles and descriptions', () => {
    expect(titleSchema.parse('\u202EOptics\u202C')).toBe('Optics');
    expect(descriptionSchema.parse('For \u2067grade\u2069 9')).toBe('For grade 9');
  });

  it('refuse a title that is nothing but controls', () => {
    expect(titleSchema.safeParse('\u202E\u2066').success).toBe(false);
  });

  it('make a suggested title (a file’s name) fit, instead of refusing it', () => {
    const long = `${'Lecture on thermodynamics '.repeat(20)}final`;
    const title = suggestedTitleSchema.parse(long);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(long.startsWith(title)).toBe(true);
    expect(suggestedTitleSchema.parse('  \u202Eclip\u202C   2 ')).toBe('clip 2');
  });
});
