import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { createProcessor } from '@mdx-js/mdx';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { checkTree } from './checkTree';
import { convertComponent, type ComponentUse } from './components';
import type { CompiledNotes, NoteProblem, NotesContext } from './context';
import { friendlyParseError } from './parseErrors';
import { sanitizeNote } from './sanitize';

const FORMULA = /<Formula(\s[^>]*)?>([\s\S]*?)<\/Formula>/g;

/**
 * A teacher's MDX notes to static HTML, at publish time (and for the editor's preview): parsed by MDX, every
 * component checked and turned into fixed HTML, the result passed through the allow-list, and never compiled to or
 * run as JavaScript. The MDX compiler's own pipeline is used up to HTML; its JavaScript output is left empty.
 */
export async function compileNotes(source: string, context: NotesContext): Promise<CompiledNotes> {
  if (source.trim() === '') return { ok: true, html: '', formulas: false, files: [] };
  // TeX is full of braces, which MDX would read as JavaScript: a formula's text is set aside before parsing (blanked,
  // keeping every line and column) and handed to KaTeX as it was written.
  const formulas = new Map<number, string>();
  const blanked = source.replace(FORMULA, (whole: string, attributes: string | undefined, tex: string, at: number) => {
    formulas.set(at, tex);
    const open = `<Formula${attributes ?? ''}>`;
    return `${open}${tex.replace(/[^\n]/g, ' ')}</Formula>`.padEnd(whole.length, ' ');
  });
  const use: ComponentUse = { formulas: false, files: new Set() };
  let html = '';
  const processor = createProcessor({
    format: 'mdx',
    remarkPlugins: [
      remarkGfm,
      () => (tree: Root, file: VFile) => {
        checkTree(tree, file, (component) =>
          convertComponent(component, context, file, use, (offset) =>
            offset === undefined ? undefined : formulas.get(offset),
          ),
        );
      },
    ],
    remarkRehypeOptions: { clobberPrefix: 'fs-n-' },
    rehypePlugins: [
      () => (tree: HastRoot) => {
        html = toHtml(sanitizeNote(demoteHeadings(tree)));
        // MDX would go on to write JavaScript from this tree: it is given nothing.
        tree.children = [];
      },
    ],
  });
  const file = new VFile({ value: blanked });
  try {
    await processor.process(file);
  } catch (error) {
    return { ok: false, problems: [friendlyParseError(error)] };
  }
  const problems: NoteProblem[] = file.messages.map((message) => ({
    line: message.line ?? 1,
    column: message.column ?? 1,
    message: message.reason,
  }));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, html, formulas: use.formulas, files: [...use.files].sort() };
}

/** The lesson's title is the page's h1, so a note's "#" is an h2, and so on down to h6. */
function demoteHeadings(tree: HastRoot): HastRoot {
  const walk = (node: HastRoot | HastRoot['children'][number]) => {
    if (node.type === 'element') {
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) node.tagName = `h${String(Math.min(6, Number(level) + 1))}`;
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return tree;
}
