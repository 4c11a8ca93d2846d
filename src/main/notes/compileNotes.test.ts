import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { compileNotes } from './compileNotes';
import type { NotesContext } from './context';

const QUESTION_ID = '33333333-3333-4333-8333-333333333333';
const context: NotesContext = {
  durationMs: 120_000,
  questions: [{ id: QUESTION_ID, prompt: 'What does **mitosis** make?', lessonMs: 65_000 }],
  files: new Map([
    ['cell.png', { kind: 'image', size: 12_000 }],
    ['worksheet.pdf', { kind: 'download', size: 120_000 }],
  ]),
};

const compile = (source: string) => compileNotes(source, context);

async function html(source: string): Promise<string> {
  const result = await compile(source);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return result.html;
}

async function problems(source: string) {
  const result = await compile(source);
  if (result.ok) throw new Error(`compiled: ${result.html}`);
  return result.problems;
}

describe('compileNotes', () => {
  it('writes Markdown as HTML, headings one level down under the lesson title', async () => {
    const out = await html('# Cells\n\nA *cell* is **small**.\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(out).toContain('<h2>Cells</h2>');
    expect(out).toContain('<em>cell</em>');
    expect(out).toContain('<li>one</li>');
    expect(out).toContain('<table>');
  });

  it('turns each component into fixed HTML', async () => {
    const out = await html(
      [
        '<KeyMoment at="1:23">Where it divides</KeyMoment>',
        '',
        '<Question id="1" />',
        '',
        '<Figure src="cell.png" alt="A cell" caption="Figure 1" />',
        '',
        '<Callout kind="warning">',
        '',
        'Mind the **units**.',
        '',
        '</Callout>',
        '',
        'Energy: <Formula>E = mc^2</Formula> and <Download file="worksheet.pdf">the worksheet</Download>.',
      ].join('\n'),
    );
    expect(out).toContain(
      '<a href="#t=83000" class="fs-n-moment" data-seek="83000">Where it divides <span class="fs-n-time">(1:23)</span></a>',
    );
    expect(out).toContain(`data-question="${QUESTION_ID}"`);
    expect(out).toContain('Question 1 · 1:05');
    expect(out).toContain('<strong>mitosis</strong>');
    expect(out).toContain('<img src="files/cell.png" alt="A cell" loading="lazy"><figcaption>Figure 1</figcaption>');
    expect(out).toMatch(
      /<aside class="fs-n-callout" data-kind="warning" role="note">\s*<p class="fs-n-label">Warning<\/p>/,
    );
    expect(out).toContain('<math');
    expect(out).toContain('class="katex"');
    expect(out).toContain(
      '<a href="files/worksheet.pdf" download="worksheet.pdf" class="fs-n-download">the worksheet <span class="fs-n-size">(120 kB)</span></a>',
    );
  });

  it('reads TeX with braces inside <Formula>, and a math block on its own line as display maths', async () => {
    const result = await compile('The ratio <Formula>\\frac{a}{b}</Formula>.\n\n<Formula tex="e^{i\\pi} + 1 = 0" />');
    expect(result).toMatchObject({ ok: true, formulas: true });
    if (!result.ok) return;
    expect(result.html).toContain('<mfrac>');
    expect(result.html).toContain('fs-n-formula fs-n-block');
    // KaTeX's sizes travel as data for the CSSOM: a style attribute parsed under the studio's or a package's CSP is refused.
    expect(result.html).toMatch(/data-fs-style="[^"]*height:/);
    expect(result.html).not.toMatch(/\sstyle=/);
  });

  it('says which files a note uses and whether it has formulas', async () => {
    expect(await compile('<Figure src="cell.png" alt="x" />')).toMatchObject({
      ok: true,
      formulas: false,
      files: ['cell.png'],
    });
  });

  it('refuses scripts, expressions, imports, raw HTML, event attributes and javascript: links, each at its line', async () => {
    expect(await problems('Hi\n\n<script>alert(1)</script>')).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringMatching(/<script> is not allowed/) }),
    ]);
    expect(await problems('x {alert(1)} y')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/Curly braces/) }),
    ]);
    expect(await problems('import x from "y"\n\n# a')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/import or export/) }),
    ]);
    expect(await problems('a\n\n<img src="x" onerror="alert(1)" />')).toEqual([expect.objectContaining({ line: 3 })]);
    expect(await problems('<KeyMoment at="1:00" onClick="alert(1)">x</KeyMoment>')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/no “onClick” attribute/) }),
    ]);
    expect(await problems('[click](javascript:alert(1))')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/javascript:alert/) }),
    ]);
    expect(await problems('<!-- hidden -->')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/HTML comments/) }),
    ]);
    expect(await problems('<KeyMoment at={83}>x</KeyMoment>')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/in quotes|Curly/) }),
    ]);
    expect(await problems('<Callout kind="tip" {...props}>x</Callout>')).toHaveLength(1);
    expect(await problems('export const a = 1')).toHaveLength(1);
  });

  it('lists every problem at once, and checks the components against the lesson', async () => {
    const found = await problems(
      [
        '<KeyMoment at="9:00">late</KeyMoment>',
        '<Figure src="missing.png" alt="x" />',
        '<Figure src="cell.png" />',
        '<Question id="7" />',
        '<Formula tex="\\frac{a" />',
        '![a picture](cell.png)',
      ].join('\n\n'),
    );
    expect(found.map((problem) => problem.line)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(found[0]?.message).toMatch(/after the end of the lesson \(2:00\)/);
    expect(found[1]?.message).toMatch(/no file “missing.png”/);
    expect(found[2]?.message).toMatch(/needs alt=/);
    expect(found[3]?.message).toMatch(/no question “7”/);
    expect(found[4]?.message).toMatch(/formula could not be read/);
    expect(found[5]?.message).toMatch(/<Figure/);
  });

  it('never lets a hostile note through as markup, whatever the route', async () => {
    const hostile = [
      '<Callout kind="tip">[x](javascript:alert(1))</Callout>',
      '<Formula tex="\\href{javascript:alert(1)}{x}" />',
      '<Download file="worksheet.pdf">"><img src=x onerror=alert(1)></Download>',
      'a <Figure src="cell.png" alt="&quot; onerror=&quot;alert(1)" />',
    ];
    for (const source of hostile) {
      const result = await compile(source);
      for (const element of elementsOf(fromHtml(result.ok ? result.html : '', { fragment: true }))) {
        expect(element.tagName).not.toBe('script');
        for (const [name, value] of Object.entries(element.properties)) {
          expect(name.toLowerCase()).not.toMatch(/^on/);
          expect(String(value)).not.toMatch(/^\s*javascript:/i);
        }
        if (element.tagName === 'img') expect(element.properties.src).toBe('files/cell.png');
      }
    }
  });
});

function elementsOf(node: Root | RootContent): Element[] {
  const own = node.type === 'element' ? [node] : [];
  return 'children' in node ? [...own, ...node.children.flatMap(elementsOf)] : own;
}
