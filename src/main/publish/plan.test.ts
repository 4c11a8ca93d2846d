import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLmsMeta } from './plan';

describe('withLmsMeta', () => {
  it('places the LMS tag after the charset, however the player page spells it', () => {
    for (const charset of ['<meta charset="utf-8">', '<meta charset="utf-8" />', '<META CHARSET="UTF-8"/>']) {
      const page = `<head>\n    ${charset}\n    <title>Lesson</title>`;
      expect(withLmsMeta(page, 'scorm12'), charset).toBe(
        `<head>\n    ${charset}\n    <meta name="flipside-lms" content="scorm12">\n    <title>Lesson</title>`,
      );
    }
  });

  it('works on the player page as it is in the source', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../player/index.html'), 'utf8');
    expect(withLmsMeta(source, 'web')).toContain('<meta name="flipside-lms" content="web">');
  });

  it('refuses a page with no charset tag', () => {
    expect(() => withLmsMeta('<head><title>x</title>', 'web')).toThrow(/no <meta charset>/);
  });
});
