/**
 * The HTML a compiled note may contain: what the publish-time compiler lets through its sanitizer (src/main/notes) and
 * what the player copies into the page (src/player/ui/notesView.ts), so a lesson.json written by hand can carry
 * nothing more than the compiler would have made. No element here runs code or loads anything but a checked image.
 */

const GLOBAL = ['class', 'id', 'aria-hidden', 'aria-label', 'aria-describedby', 'role', 'lang', 'dir'];

const MARKDOWN: Record<string, readonly string[]> = {
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  p: [],
  em: [],
  strong: [],
  del: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  hr: [],
  br: [],
  a: ['href', 'download', 'target', 'rel', 'data-seek', 'data-footnote-ref', 'data-footnote-backref'],
  sup: [],
  sub: [],
  section: ['data-footnotes'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align', 'scope'],
  td: ['align'],
  input: ['type', 'checked', 'disabled'],
  span: ['style', 'data-fs-style'],
  div: [],
  aside: ['data-kind', 'data-question'],
  figure: [],
  figcaption: [],
  img: ['src', 'alt', 'loading'],
};

/** What KaTeX writes: its HTML spans and SVG for stretchy symbols (drawn), and MathML (read by screen readers). */
const KATEX_SVG: Record<string, readonly string[]> = {
  svg: [
    'xmlns',
    'width',
    'height',
    'viewbox',
    'viewBox',
    'preserveaspectratio',
    'preserveAspectRatio',
    'style',
    'data-fs-style',
  ],
  path: ['d'],
  line: ['x1', 'x2', 'y1', 'y2', 'stroke-width'],
};

const MATHML_ATTRIBUTES = [
  'xmlns',
  'display',
  'encoding',
  'mathvariant',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'width',
  'height',
  'depth',
  'displaystyle',
  'scriptlevel',
  'columnalign',
  'rowalign',
  'rowspacing',
  'columnspacing',
  'columnlines',
  'rowlines',
  'frame',
  'accent',
  'accentunder',
  'minsize',
  'maxsize',
  'movablelimits',
  'symmetric',
  'notation',
  'linethickness',
  'mathcolor',
  'mathbackground',
  'voffset',
];
const MATHML_ELEMENTS = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mpadded',
  'mstyle',
  'menclose',
  'mphantom',
  'merror',
  'mprescripts',
  'mmultiscripts',
  'none',
];

export const NOTE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  ...MARKDOWN,
  ...KATEX_SVG,
  ...Object.fromEntries(MATHML_ELEMENTS.map((name) => [name, MATHML_ATTRIBUTES])),
};

export const SVG_ELEMENTS: ReadonlySet<string> = new Set(Object.keys(KATEX_SVG));
export const MATHML_ELEMENT_NAMES: ReadonlySet<string> = new Set(MATHML_ELEMENTS);

/** Whether `attribute` may stand on `element` (names lower-cased as HTML parsers give them, but SVG's camel case). */
export function allowedAttribute(element: string, attribute: string): boolean {
  const own = NOTE_ELEMENTS[element];
  if (!own) return false;
  return GLOBAL.includes(attribute) || own.includes(attribute);
}

/** Our own classes (fs-n-…) and KaTeX's; never another of the player's (fs-…), which could dress a note as its UI. */
export function allowedClass(token: string): boolean {
  return /^[a-z][a-z0-9-]{0,40}$/.test(token) && (token.startsWith('fs-n-') || !token.startsWith('fs-'));
}

/** Ids are made by the compiler, all with one prefix, so none can clash with the player's own. */
export const allowedId = (id: string): boolean => /^fs-n-[A-Za-z0-9_-]{1,80}$/.test(id);

const STYLE_PROPERTIES = new Set([
  'height',
  'width',
  'min-width',
  'max-width',
  'vertical-align',
  'margin-left',
  'margin-right',
  'padding-left',
  'top',
  'bottom',
  'left',
  'border-bottom-width',
  'border-top-width',
  'border-right-width',
  'color',
]);
const LENGTH = /^-?(\d+(\.\d+)?|\.\d+)(em|ex)?$/;
const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/;

/**
 * The declarations of a style attribute KaTeX writes (sizes in em, a colour), as [property, value] pairs; anything
 * else makes the whole attribute refused. The player sets them through the CSSOM, which its CSP allows.
 */
export function readNoteStyle(style: string): [string, string][] | null {
  const pairs: [string, string][] = [];
  for (const declaration of style.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    if (colon < 0) return null;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!STYLE_PROPERTIES.has(property)) return null;
    if (!(property === 'color' ? COLOR.test(value) : LENGTH.test(value))) return null;
    pairs.push([property, value]);
  }
  return pairs;
}

/**
 * Link targets a note may have: the web and e-mail, a footnote in the same note, a key moment (#t=ms), or a file of
 * the lesson (checked again against the page by the player, like every media address).
 */
export function linkKind(href: string): 'web' | 'footnote' | 'moment' | 'file' | null {
  if (/^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href)) return 'web';
  if (/^#fs-n-[A-Za-z0-9_-]{1,80}$/.test(href)) return 'footnote';
  if (/^#t=\d{1,9}$/.test(href)) return 'moment';
  if (/^[A-Za-z0-9._~/%-]+$/.test(href) && !href.includes('..') && !href.startsWith('/')) return 'file';
  return null;
}
