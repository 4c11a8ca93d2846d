import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { NOTE_COMPONENTS, NOTE_COMPONENT_NAMES, type NoteComponent } from '@shared/notes/components';
import { linkKind } from '@shared/notes/allowList';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** A component that passed the checks: its name and its string attributes. */
export interface CheckedComponent {
  readonly element: JsxElement;
  readonly spec: NoteComponent;
  readonly attributes: Readonly<Record<string, string>>;
}

const LIST = NOTE_COMPONENT_NAMES.map((name) => `<${name}>`).join(', ');

/**
 * Everything MDX can hold that runs or embeds code is refused here, at its line, before any HTML is made: import and
 * export, `{expressions}`, elements that are not one of the notes' components (raw HTML is JSX in MDX), attributes
 * that are not the component's own or are not plain quoted text, images (use <Figure>), and links that are not to
 * the web or an e-mail address. Problems are collected, so the teacher sees them all at once; refused nodes are
 * dropped so nothing of them reaches the HTML even if the caller ignored the problems.
 */
export function checkTree(tree: Root, file: VFile, convert: (component: CheckedComponent) => RootContent): void {
  const refuse = (node: Nodes, message: string) => {
    file.message(message, { place: node.position, ruleId: 'refused', source: 'flipside-notes' });
  };
  const visit = (parent: Parent) => {
    const kept: RootContent[] = [];
    for (const node of parent.children) {
      const next = keep(node);
      if (next) kept.push(next);
    }
    parent.children = kept;
  };
  const keep = (node: RootContent): RootContent | null => {
    switch (node.type) {
      case 'mdxjsEsm':
        refuse(node, 'Notes cannot use import or export: only Markdown and the notes’ components');
        return null;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse(
          node,
          'Curly braces { } start JavaScript, which notes cannot run. Write \\{ for a brace, or <Formula tex="…" /> for maths',
        );
        return null;
      case 'html':
        refuse(node, 'Notes cannot contain HTML');
        return null;
      case 'image':
      case 'imageReference':
        refuse(node, 'Add images with <Figure src="file.png" alt="what it shows" />, so each has its description');
        return null;
      case 'link':
      case 'definition':
        if (linkKind(node.url) !== 'web') {
          refuse(
            node,
            `Links may go to a web page (https://…) or an e-mail address (mailto:…), not “${short(node.url)}”`,
          );
          return null;
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return checkElement(node);
      default:
        break;
    }
    if ('children' in node) visit(node);
    return node;
  };
  const checkElement = (element: JsxElement): RootContent | null => {
    const name = element.name;
    const spec = NOTE_COMPONENTS.find((component) => component.name === name);
    if (!spec) {
      refuse(
        element,
        name === null
          ? 'Notes cannot use <> fragments'
          : `<${name}> is not allowed in notes. Use Markdown, or one of ${LIST}`,
      );
      return null;
    }
    const attributes: Record<string, string> = {};
    let ok = true;
    for (const attribute of element.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        refuse(element, `<${spec.name}> cannot take {…} attributes: write each as name="text"`);
        ok = false;
        continue;
      }
      const allowed = spec.attributes[attribute.name];
      if (!allowed) {
        const names = Object.keys(spec.attributes).join(', ');
        refuse(element, `<${spec.name}> has no “${attribute.name}” attribute (it takes ${names})`);
        ok = false;
        continue;
      }
      if (attribute.value === null || attribute.value === undefined || typeof attribute.value !== 'string') {
        refuse(element, `Write <${spec.name} ${attribute.name}="…"> with the value in quotes`);
        ok = false;
        continue;
      }
      if (allowed.values && !allowed.values.includes(attribute.value)) {
        refuse(element, `<${spec.name} ${attribute.name}> is one of ${allowed.values.map((v) => `“${v}”`).join(', ')}`);
        ok = false;
        continue;
      }
      attributes[attribute.name] = attribute.value;
    }
    for (const [attribute, rule] of Object.entries(spec.attributes)) {
      if (rule.required && (attributes[attribute] ?? '').trim() === '' && ok) {
        refuse(element, `<${spec.name}> needs ${attribute}="…" (for example ${spec.example.split('\n')[0] ?? ''})`);
        ok = false;
      }
    }
    if (spec.children === 'none' && element.children.some((child) => !isBlank(child))) {
      refuse(element, `<${spec.name}> holds nothing: write it as ${spec.example}`);
      ok = false;
    }
    if (!ok) return null;
    visit(element);
    return convert({ element, spec, attributes });
  };
  visit(tree);
}

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
