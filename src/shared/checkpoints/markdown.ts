import { truncateCodePoints } from '../format/text';

/**
 * The Markdown subset teachers need in questions and feedback, rendered to an HTML string that is safe by construction:
 * every character of the input is escaped FIRST, and only then is markup added, from fixed strings, for the syntax
 * recognised. So `<script>`, `<img onerror>`, entity tricks and attribute breakouts can only ever come out as visible
 * text; the one attribute built from input (a link's href) is allowed only for http(s) and mailto, and re-escaped.
 *
 * Supported: paragraphs (blank line), line breaks (a single newline, as teachers expect from Enter), **bold**,
 * *italic* or _italic_, `code`, "- " / "* " / "+ " bullet lists, "1. " / "1) " numbered lists, and [text](url) links,
 * which open in a new tab with rel="noopener noreferrer". Not supported, and shown as typed: headings, images, raw
 * HTML, tables, nested lists.
 *
 * Why not a library: markdown-it (~100 KB min) with DOMPurify (~20 KB min, needs a DOM) would spend much of the
 * player's 80 KB gzip budget on features we then have to switch off; escaping first is simpler to prove safe.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const UNESCAPES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
/** Input longer than this is shown truncated: prompts are at most 5,000 characters, and regex work stays bounded. */
const SOURCE_MAX = 20_000;
// Private-use characters mark where finished markup was set aside, so later rules cannot reach into it.
const OPEN = '\uE000';
const CLOSE = '\uE001';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function unescapeOwn(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity] ?? entity);
}

/** A block of Markdown (a prompt, feedback) as HTML. */
export function renderMarkdown(source: unknown): string {
  const lines = prepare(source).split('\n');
  const blocks: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const kind = listKind(line);
    if (kind) {
      const items: string[][] = [];
      const start = kind === 'ol' ? Number(ORDERED.exec(line)?.[1] ?? '1') : 1;
      while (index < lines.length) {
        const current = lines[index] ?? '';
        const item = itemText(current, kind);
        if (item !== null) items.push([item]);
        else if (current.trim() !== '' && /^\s{2,}/.test(current) && items.length > 0)
          items.at(-1)?.push(current.trim());
        else break;
        index += 1;
      }
      const open = kind === 'ol' && start !== 1 ? `<ol start="${start}">` : `<${kind}>`;
      blocks.push(`${open}${items.map((item) => `<li>${inline(item.join('\n'))}</li>`).join('')}</${kind}>`);
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '' && !listKind(lines[index] ?? '')) {
      paragraph.push((lines[index] ?? '').trim());
      index += 1;
    }
    blocks.push(`<p>${inline(paragraph.join('\n'))}</p>`);
  }
  return blocks.join('\n');
}

/** One short piece (a choice's text) as HTML without block markup; newlines become line breaks. */
export function renderInlineMarkdown(source: unknown): string {
  return inline(prepare(source).trim());
}

// Escaped before anything else; NUL and our marker characters are replaced so input can never forge a marker.
function prepare(source: unknown): string {
  const text = typeof source === 'string' ? source.slice(0, SOURCE_MAX) : '';
  return escapeHtml(text.replace(/\r\n?/g, '\n').replace(/[\u0000\uE000\uE001]/g, '\uFFFD'));
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

function listKind(line: string): 'ul' | 'ol' | null {
  if (BULLET.test(line)) return 'ul';
  if (ORDERED.test(line)) return 'ol';
  return null;
}

function itemText(line: string, kind: 'ul' | 'ol'): string | null {
  const match = (kind === 'ul' ? BULLET : ORDERED).exec(line);
  if (!match) return null;
  return (kind === 'ul' ? match[1] : match[2]) ?? '';
}

/** Inline markup over already escaped text. */
function inline(escaped: string): string {
  const stash: string[] = [];
  const keep = (html: string) => `${OPEN}${stash.push(html) - 1}${CLOSE}`;

  let text = escaped.replace(/`([^`\n]+)`/g, (_all, code: string) => keep(`<code>${code}</code>`));
  // Not after "!": image syntax is unsupported and stays text rather than becoming a link to the picture.
  text = text.replace(
    /(?<!!)\[([^[\]\n]{1,500})\]\(([^()\s]{1,2000})\)/g,
    (all: string, label: string, url: string) => {
      const href = safeHref(unescapeOwn(url));
      if (href === null) return all;
      return keep(
        `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${emphasis(label, keep)}</a>`,
      );
    },
  );
  text = emphasis(text, keep).replace(/\n/g, '<br>\n');

  // Markers may nest (a link inside bold), so put them back until none is left; each pass removes a level.
  const marker = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
  for (let depth = 0; depth < 10 && marker.test(text); depth += 1) {
    marker.lastIndex = 0;
    text = text.replace(marker, (_all, n: string) => stash[Number(n)] ?? '');
  }
  return text;
}

function emphasis(text: string, keep: (html: string) => string): string {
  return text
    .replace(/\*\*(\S(?:[^\n]*?\S)?)\*\*/g, (_all, inner: string) => keep(`<strong>${italic(inner, keep)}</strong>`))
    .split('\n')
    .map((line) => italic(line, keep))
    .join('\n');
}

function italic(text: string, keep: (html: string) => string): string {
  return text
    .replace(/\*(\S(?:[^*\n]*?\S)?)\*/g, (_all, inner: string) => keep(`<em>${inner}</em>`))
    .replace(
      /(^|[^\p{L}\p{N}_])_(\S(?:[^_\n]*?\S)?)_(?![\p{L}\p{N}_])/gu,
      (_all, before: string, inner: string) => `${before}${keep(`<em>${inner}</em>`)}`,
    );
}

/**
 * Only absolute http(s) and mailto URLs become links. Checked on the unescaped text, so "javascript&#58;" and
 * friends are plain text (the browser never sees an entity of ours decoded into a scheme); control characters and
 * white space, which browsers strip to reveal a hidden scheme, are refused outright.
 */
export function safeHref(url: string): string | null {
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return null;
  if (/^https?:\/\/[^/?#]+/i.test(url) || /^mailto:[^@]+@[^@]+$/i.test(url)) return url;
  return null;
}

/** The Markdown without its marks, folded to one line and cut to `max` characters: for reports, which show text. */
export function markdownToText(markdown: string, max: number): string {
  const text = markdown
    .replace(/\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^\s*(?:[-+]|\d{1,9}[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncateCodePoints(text, max, { ellipsis: true });
}
