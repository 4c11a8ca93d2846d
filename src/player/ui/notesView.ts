import {
  allowedAttribute,
  allowedClass,
  allowedId,
  linkKind,
  MATHML_ELEMENT_NAMES,
  NOTE_ELEMENTS,
  readNoteStyle,
  SVG_ELEMENTS,
} from '@shared/notes/allowList';
import { checkMediaUrl } from '@shared/player/urlPolicy';

const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

export interface NotesViewOptions {
  /** Where the note's `files/…` and KaTeX's style sheet are: the package's notes/ folder, or the studio's media. */
  readonly fileUrl: (path: string) => string;
  /** The page the addresses are checked against (see urlPolicy.ts). */
  readonly baseUrl: string;
}

/**
 * Shows compiled notes. The HTML was made and sanitized at publish time, but a package can come from a stranger, so
 * it is parsed into an inert document (nothing runs or loads there) and only what the shared allow-list permits is
 * copied into the page, element by element: no script, no event attribute, no address that is not the web, a
 * footnote, a key moment or one of the lesson's files. Styles (KaTeX's sizes) come as `data-fs-style` and go through
 * the CSSOM, which the CSP allows where a style attribute (even one parsed here) would be refused.
 */
export function renderNotes(target: HTMLElement, html: string, options: NotesViewOptions): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  target.replaceChildren(...copyChildren(parsed.body, options));
}

function copyChildren(from: Node, options: NotesViewOptions): Node[] {
  const copies: Node[] = [];
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) copies.push(document.createTextNode(child.textContent ?? ''));
    else if (child instanceof Element) {
      const copy = copyElement(child, options);
      if (copy) copies.push(copy);
    }
  }
  return copies;
}

function copyElement(source: Element, options: NotesViewOptions): Element | null {
  const name = source.localName;
  if (!(name in NOTE_ELEMENTS)) return null;
  const namespace = SVG_ELEMENTS.has(name) ? SVG : MATHML_ELEMENT_NAMES.has(name) ? MATHML : null;
  if ((source.namespaceURI === SVG) !== (namespace === SVG)) return null;
  const element = namespace ? document.createElementNS(namespace, name) : document.createElement(name);
  for (const attribute of Array.from(source.attributes)) {
    const value = attribute.value;
    const attr = attribute.name;
    if (!allowedAttribute(name, attr) || attr.startsWith('on') || attr === 'style') continue;
    if (attr === 'class') {
      const tokens = value.split(/\s+/).filter((token) => token !== '' && allowedClass(token));
      if (tokens.length > 0) element.setAttribute('class', tokens.join(' '));
    } else if (attr === 'id') {
      if (allowedId(value)) element.setAttribute('id', value);
    } else if (attr === 'data-fs-style') {
      const declarations = readNoteStyle(value);
      if (declarations && 'style' in element)
        for (const [property, setting] of declarations) (element as HTMLElement).style.setProperty(property, setting);
    } else if (attr === 'href' || attr === 'src') {
      const address = checkedAddress(value, attr === 'src', options);
      if (address === null) continue;
      element.setAttribute(attr, address);
    } else if (name === 'input' && attr === 'type') {
      if (value !== 'checkbox') return null;
      element.setAttribute('type', 'checkbox');
    } else element.setAttribute(attr, value);
  }
  if (name === 'input') element.setAttribute('disabled', '');
  if (name === 'a' && linkKind(element.getAttribute('href') ?? '') === 'web') {
    element.setAttribute('rel', 'noopener noreferrer');
    element.setAttribute('target', '_blank');
  }
  element.append(...copyChildren(source, options));
  return element;
}

function checkedAddress(value: string, image: boolean, options: NotesViewOptions): string | null {
  const kind = linkKind(value);
  if (image) {
    if (kind !== 'file') return null;
  } else if (kind === 'web' || kind === 'footnote' || kind === 'moment') return value;
  if (kind !== 'file') return null;
  const verdict = checkMediaUrl(options.fileUrl(value), image ? 'poster' : 'media', { baseUrl: options.baseUrl });
  return verdict.ok ? verdict.url : null;
}
