import type { Element, ElementContent, Root, RootContent } from 'hast';
import { find, html as htmlSchema, svg as svgSchema } from 'property-information';
import {
  allowedAttribute,
  allowedClass,
  allowedId,
  linkKind,
  NOTE_ELEMENTS,
  readNoteStyle,
  SVG_ELEMENTS,
} from '@shared/notes/allowList';

/**
 * The last gate before HTML is written: every element, attribute, class, id, style and address is checked against
 * the shared allow-list (src/shared/notes/allowList.ts), the same list the player applies again when it shows the
 * note. An element that is not allowed goes with everything inside it; comments, doctypes and raw HTML go too.
 */
export function sanitizeNote(tree: Root): Root {
  return { type: 'root', children: cleanChildren(tree.children) };
}

function cleanChildren(children: readonly (RootContent | ElementContent)[]): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'text') kept.push({ type: 'text', value: child.value });
    else if (child.type === 'element') {
      const element = cleanElement(child);
      if (element) kept.push(element);
    }
  }
  return kept;
}

function cleanElement(element: Element): Element | null {
  const tagName = element.tagName;
  if (!(tagName in NOTE_ELEMENTS)) return null;
  const schema = SVG_ELEMENTS.has(tagName) ? svgSchema : htmlSchema;
  const properties: Element['properties'] = {};
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(schema, property);
    const attribute = info.attribute;
    if (!allowedAttribute(tagName, attribute)) continue;
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ',' : ' ') : String(value);
    if (attribute === 'class') {
      const tokens = text.split(/\s+/).filter((token) => token !== '' && allowedClass(token));
      if (tokens.length > 0) properties[property] = tokens;
      continue;
    }
    if (attribute === 'id' && !allowedId(text)) continue;
    if (attribute === 'style') {
      // Written as data, applied by the player through the CSSOM: a style attribute parsed under the CSP is refused.
      if (readNoteStyle(text) !== null) properties.dataFsStyle = text;
      continue;
    }
    if (attribute === 'href' && linkKind(text) === null) continue;
    if (attribute === 'src' && linkKind(text) !== 'file') continue;
    if (tagName === 'input' && attribute === 'type' && text !== 'checkbox') return null;
    if (attribute.startsWith('on')) continue;
    properties[property] =
      value === true ? true : Array.isArray(value) && !info.commaSeparated && !info.spaceSeparated ? text : value;
  }
  if (tagName === 'a' && linkKind(properties.href ?? '') === 'web') {
    properties.rel = ['noopener', 'noreferrer'];
    properties.target = '_blank';
  }
  return { type: 'element', tagName, properties, children: cleanChildren(element.children) };
}
