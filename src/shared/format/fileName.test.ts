import { describe, expect, it } from 'vitest';
import { readableFileName } from './fileName';

describe('readable file names', () => {
  it('keep the lesson title as the teacher wrote it, accents and all', () => {
    expect(readableFileName('Forces and motion (720p)', 'mp4')).toBe('Forces and motion (720p).mp4');
    expect(readableFileName('Équations du 2ᵉ degré', 'mp4')).toBe('Équations du 2ᵉ degré.mp4');
  });

  it('replace what an operating system refuses in a name, and never lead out of the folder', () => {
    expect(readableFileName('Ratios: a/b vs "a\\b" <why?> *|', 'mp4')).toBe('Ratios a b vs a b why.mp4');
    expect(readableFileName('../../etc/passwd', 'zip')).toBe('.. .. etc passwd.zip');
    expect(readableFileName('Tabs\tand\nlines\u0007', '')).toBe('Tabs and lines');
  });

  it('fall back to "Lesson" for an empty stem or a Windows device name, and drop trailing dots', () => {
    expect(readableFileName('   ', 'mp4')).toBe('Lesson.mp4');
    expect(readableFileName('CON', 'mp4')).toBe('Lesson.mp4');
    expect(readableFileName('The end...', 'mp4')).toBe('The end.mp4');
  });

  it('keep long titles to 120 characters without splitting a character in two', () => {
    const name = readableFileName('🧪'.repeat(200), 'mp4');
    expect(Array.from(name.replace(/\.mp4$/, ''))).toHaveLength(120);
    expect(name.endsWith('🧪.mp4')).toBe(true);
  });
});
