import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

/** An element with its namespace resolved, as a manifest reader needs it: prefixes are the author's choice. */
export interface XmlElement {
  readonly namespace: string;
  readonly local: string;
  /** By `{namespace}local` for namespaced attributes, by plain name for the rest (the usual case). */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text, its children's left out. */
  readonly text: string;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const syntax = new SyntaxValidator();

/** Parses a document into its root element, or says why it is not well-formed XML. */
export function parseXml(xml: string): { root: XmlElement } | { error: string } {
  // The parser itself is lenient (it reads <a><b></a> as nested), so well-formedness is checked first.
  try {
    syntax.validate(xml);
  } catch (error) {
    const line = (error as { line?: unknown }).line;
    const message = error instanceof Error ? error.message : String(error);
    return { error: typeof line === 'number' ? `line ${line}: ${message}` : message };
  }
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.filter((node) => elementName(node) !== null);
  const [first] = roots;
  if (!first || roots.length !== 1) return { error: 'the document has no single root element' };
  return { root: toElement(first, new Map([['xml', XML_NS]])) };
}

/** The key an attribute is found under: `attr(element, 'href')`, or with its namespace for a prefixed one. */
export function attr(element: XmlElement, local: string, namespace?: string): string | undefined {
  return element.attributes.get(namespace ? `{${namespace}}${local}` : local);
}

export function childrenNamed(element: XmlElement, namespace: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.namespace === namespace && child.local === local);
}

export function childNamed(element: XmlElement, namespace: string, local: string): XmlElement | undefined {
  return childrenNamed(element, namespace, local)[0];
}

export const XML_NAMESPACE = XML_NS;

function elementName(node: OrderedNode): string | null {
  return Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?')) ?? null;
}

function toElement(node: OrderedNode, inherited: ReadonlyMap<string, string>): XmlElement {
  const name = elementName(node) ?? '';
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
  }
  const attributes = new Map<string, string>();
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const colon = key.indexOf(':');
    // An unprefixed attribute is in no namespace, whatever the default namespace is (Namespaces in XML, 6.2).
    if (colon < 0) attributes.set(key, value);
    else attributes.set(`{${scope.get(key.slice(0, colon)) ?? ''}}${key.slice(colon + 1)}`, value);
  }
  const colon = name.indexOf(':');
  const namespace = scope.get(colon < 0 ? '' : name.slice(0, colon)) ?? '';
  const local = colon < 0 ? name : name.slice(colon + 1);
  const content = (node[name] ?? []) as OrderedNode[];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    if (typeof child['#text'] === 'string') text += child['#text'];
    else if (elementName(child) !== null) children.push(toElement(child, scope));
  }
  return { namespace, local, attributes, children, text };
}
