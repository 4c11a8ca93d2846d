import { describe, expect, it } from 'vitest';
import { compileNotes } from '../notes/compileNotes';
import { notesEntries } from './lessonExtras';
import { fakeAssets, tempDir } from './testPackage.testkit';

const context = { durationMs: 60_000, questions: [], files: new Map() };

async function notesOf(source: string) {
  const compiled = await compileNotes(source, context);
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
  return { html: compiled.html, formulas: compiled.formulas, files: [] };
}

const pageOf = (entries: ReturnType<typeof notesEntries>) => {
  const page = entries.find((entry) => entry.path === 'notes/index.html');
  return page?.kind === 'bytes' ? page.data.toString('utf8') : '';
};

describe('notesEntries', () => {
  it('gives the printable notes page KaTeX’s sizes as style attributes and carries KaTeX only for a formula', async () => {
    const assets = fakeAssets(tempDir());
    const withFormula = notesEntries(await notesOf('<Formula tex="\\frac{a}{b}" />'), assets, '', 'Ratios', 'en');
    expect(withFormula.map((entry) => entry.path)).toEqual([
      'notes/index.html',
      'notes/katex/katex.css',
      'notes/katex/fonts/KaTeX_Main-Regular.woff2',
    ]);
    expect(pageOf(withFormula)).toMatch(/<span class="[^"]*" style="[^"]*height:/);
    expect(pageOf(withFormula)).not.toContain('data-fs-style');
    expect(pageOf(withFormula)).toContain('<link rel="stylesheet" href="katex/katex.css" />');

    const plain = notesEntries(await notesOf('Say " data-fs-style=" in text.'), assets, '', 'Words', 'en');
    expect(plain.map((entry) => entry.path)).toEqual(['notes/index.html']);
    expect(pageOf(plain)).toContain('<p>Say " style=" in text.</p>');
  });
});
