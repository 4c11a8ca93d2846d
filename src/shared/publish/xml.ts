/**
 * A tiny XML writer: every text and attribute goes through `escapeText` / `escapeAttr`, so a title with `<`, `&`,
 * quotes, control characters or emoji always makes well-formed XML. No DOM, so it runs in main and in tests alike.
 */

// XML 1.0 allows only these characters; anything else (NUL, most C0 controls, lone surrogates, U+FFFE/F) is dropped.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function cleanXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

export function escapeText(text: string): string {
  return cleanXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  // Tabs and newlines inside an attribute are normalised to spaces by parsers; character references keep them.
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * An xs:ID (an NCName): starts with a letter or underscore, then letters, digits, `.`, `-`, `_`. Anything else
 * becomes `_`; a prefix keeps ids apart and makes one that starts with a digit valid.
 */
export function xmlId(prefix: string, raw: string): string {
  const body = raw.replace(/[^A-Za-z0-9._-]/g, '_');
  const id = `${prefix}${body}`;
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

export type XmlChild = XmlNode | string | null | undefined | false;

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string | number | undefined>>;
  readonly children: readonly XmlChild[];
}

/** An element; `undefined` attributes are left out, strings among children are text. */
export function el(
  name: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: XmlChild[]
): XmlNode {
  return { name, attrs, children };
}

export function serialize(node: XmlNode, indent = ''): string {
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttr(String(value))}"`)
    .join('');
  const kids = node.children.filter(
    (child): child is XmlNode | string => typeof child === 'string' || (typeof child === 'object' && child !== null),
  );
  if (kids.length === 0) return `${indent}<${node.name}${attrs}/>`;
  if (kids.every((child) => typeof child === 'string'))
    return `${indent}<${node.name}${attrs}>${kids.map((text) => escapeText(text)).join('')}</${node.name}>`;
  const inner = kids
    .map((child) => (typeof child === 'string' ? `${indent}  ${escapeText(child)}` : serialize(child, `${indent}  `)))
    .join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}
