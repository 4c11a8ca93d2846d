import type { ElementContent, Properties } from 'hast';
import type { BlockContent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { renderMarkdown } from '@shared/checkpoints/markdown';
import { formatBytes } from '@shared/format/bytes';
import { formatClock } from '@shared/format/clock';
import { parseMomentTime } from '@shared/notes/source';
import type { CheckedComponent } from './checkTree';
import { NOTE_FILES_DIR, type NotesContext } from './context';

/** What converting a note's components found out, for the package: whether KaTeX is needed, which files are used. */
export interface ComponentUse {
  formulas: boolean;
  readonly files: Set<string>;
}

const CALLOUT_TITLES: Record<string, string> = { tip: 'Tip', warning: 'Warning' };

/**
 * Turns one checked component into the Markdown node that carries its HTML (mdast-util-to-hast reads `data.hName`,
 * `hProperties` and `hChildren`). Everything built here is made from fixed tags and the teacher's text as text; the
 * result still goes through the allow-list (sanitize.ts) before it is written.
 */
export function convertComponent(
  component: CheckedComponent,
  context: NotesContext,
  file: VFile,
  use: ComponentUse,
  formulaSource: (offset: number | undefined) => string | undefined,
): RootContent {
  const { element, attributes } = component;
  const flow = element.type === 'mdxJsxFlowElement';
  const problem = (message: string): RootContent => {
    file.message(message, { place: element.position, ruleId: 'component', source: 'flipside-notes' });
    return { type: 'text', value: '' };
  };
  const carrier = (hName: string, hProperties: Properties, hChildren: ElementContent[]) =>
    flow
      ? ({ type: 'paragraph', children: [], data: { hName, hProperties, hChildren } } satisfies Paragraph)
      : ({ type: 'emphasis', children: [], data: { hName, hProperties, hChildren } } satisfies PhrasingContent);
  const label = toString(element).trim();

  switch (component.spec.name) {
    case 'KeyMoment': {
      const at = parseMomentTime(attributes.at ?? '');
      if (at === null) return problem(`<KeyMoment at="${attributes.at ?? ''}"> needs a time such as at="1:23"`);
      if (at > context.durationMs)
        return problem(
          `<KeyMoment at="${attributes.at ?? ''}"> is after the end of the lesson (${formatClock(context.durationMs)})`,
        );
      const time = formatClock(at);
      return carrier('a', { href: `#t=${String(at)}`, className: ['fs-n-moment'], dataSeek: String(at) }, [
        { type: 'text', value: label === '' ? `Watch from ${time}` : label },
        { type: 'text', value: ' ' },
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['fs-n-time'] },
          children: [{ type: 'text', value: `(${time})` }],
        },
      ]);
    }
    case 'Question': {
      const wanted = (attributes.id ?? '').trim();
      const index = /^\d{1,3}$/.test(wanted)
        ? Number(wanted) - 1
        : context.questions.findIndex((question) => question.id === wanted);
      const question = context.questions[index];
      if (!question)
        return problem(
          context.questions.length === 0
            ? 'This lesson has no questions yet, so <Question> has nothing to show'
            : `There is no question “${wanted}”: give its number, 1 to ${String(context.questions.length)}`,
        );
      const prompt = fromHtml(renderMarkdown(question.prompt), { fragment: true }).children as ElementContent[];
      return {
        type: 'blockquote',
        children: [],
        data: {
          hName: 'aside',
          hProperties: { className: ['fs-n-question'], dataQuestion: question.id },
          hChildren: [
            {
              type: 'element',
              tagName: 'p',
              properties: { className: ['fs-n-label'] },
              children: [{ type: 'text', value: `Question ${String(index + 1)} · ${formatClock(question.lessonMs)}` }],
            },
            ...prompt,
          ],
        },
      };
    }
    case 'Figure': {
      const name = attributes.src ?? '';
      const found = context.files.get(name);
      if (!found)
        return problem(`There is no file “${name}” in this lesson: add it with “Add file”, then use its name`);
      if (found.kind !== 'image') return problem(`“${name}” is not an image: use <Download file="${name}" /> for it`);
      use.files.add(name);
      const caption = (attributes.caption ?? '').trim();
      const children: ElementContent[] = [
        {
          type: 'element',
          tagName: 'img',
          properties: {
            src: `${NOTE_FILES_DIR}/${encodeURIComponent(name)}`,
            alt: (attributes.alt ?? '').trim(),
            loading: 'lazy',
          },
          children: [],
        },
      ];
      if (caption !== '')
        children.push({
          type: 'element',
          tagName: 'figcaption',
          properties: {},
          children: [{ type: 'text', value: caption }],
        });
      // Inside a line of text a figure is only its image: a <figure> cannot stand inside a paragraph.
      if (!flow) return carrier('span', { className: ['fs-n-figure'] }, children.slice(0, 1));
      return {
        type: 'blockquote',
        children: [],
        data: { hName: 'figure', hProperties: { className: ['fs-n-figure'] }, hChildren: children },
      };
    }
    case 'Formula': {
      const tex = (attributes.tex ?? formulaSource(element.position?.start.offset) ?? '').trim();
      if (tex === '') return problem('<Formula> is empty: write <Formula tex="a^2 + b^2 = c^2" />');
      const display = attributes.display ? attributes.display === 'block' : flow;
      let html: string;
      try {
        html = katex.renderToString(tex, {
          displayMode: display,
          output: 'htmlAndMathml',
          throwOnError: true,
          trust: false,
          strict: 'ignore',
          maxSize: 20,
          maxExpand: 500,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
        return problem(`The formula could not be read: ${reason}`);
      }
      use.formulas = true;
      const math = fromHtml(html, { fragment: true }).children as ElementContent[];
      return carrier(
        display ? 'div' : 'span',
        { className: display ? ['fs-n-formula', 'fs-n-block'] : ['fs-n-formula'] },
        math,
      );
    }
    case 'Callout': {
      const kind = attributes.kind ?? 'tip';
      const body: BlockContent[] = flow
        ? (element.children as BlockContent[])
        : [{ type: 'paragraph', children: element.children }];
      const title: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'text', value: CALLOUT_TITLES[kind] ?? 'Tip' }],
        data: { hProperties: { className: ['fs-n-label'] } },
      };
      return {
        type: 'blockquote',
        children: [title, ...body],
        data: { hName: 'aside', hProperties: { className: ['fs-n-callout'], dataKind: kind, role: 'note' } },
      };
    }
    case 'Download': {
      const name = attributes.file ?? '';
      const found = context.files.get(name);
      if (!found)
        return problem(`There is no file “${name}” in this lesson: add it with “Add file”, then use its name`);
      use.files.add(name);
      return carrier(
        'a',
        { href: `${NOTE_FILES_DIR}/${encodeURIComponent(name)}`, download: name, className: ['fs-n-download'] },
        [
          { type: 'text', value: label === '' ? name : label },
          { type: 'text', value: ' ' },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['fs-n-size'] },
            children: [{ type: 'text', value: `(${formatBytes(found.size)})` }],
          },
        ],
      );
    }
    default:
      return problem(`<${component.spec.name}> cannot be shown`);
  }
}
