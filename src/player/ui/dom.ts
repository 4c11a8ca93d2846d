import { renderInlineMarkdown, renderMarkdown } from '@shared/checkpoints';

type Props = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Text children become text nodes and attributes are set one by one, so nothing passed here is
 * ever parsed as markup; `setMarkdown` is the only way HTML gets in.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** The one door for teacher-written text with formatting: renderMarkdown escapes everything before adding markup. */
export function setMarkdown(element: HTMLElement, markdown: string): HTMLElement {
  element.innerHTML = renderMarkdown(markdown);
  return element;
}

export function setInlineMarkdown(element: HTMLElement, markdown: string): HTMLElement {
  element.innerHTML = renderInlineMarkdown(markdown);
  return element;
}

let counter = 0;
/** Ids for aria-labelledby and label[for]; unique per page even with several players. */
export function uid(prefix: string): string {
  counter += 1;
  return `fs-${prefix}-${counter}`;
}

/** An icon from a fixed set of paths of our own; decorative, the button carries the label. */
const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  replay: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  volume: 'M4 9v6h4l5 5V4L8 9zm12.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z',
  muted:
    'M4 9v6h4l5 5V4L8 9zm15.6 3 2.1-2.1-1.4-1.4-2.1 2.1-2.1-2.1-1.4 1.4 2.1 2.1-2.1 2.1 1.4 1.4 2.1-2.1 2.1 2.1 1.4-1.4z',
  fullscreen: 'M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z',
} as const;
export type IconName = keyof typeof ICONS;

const SVG = 'http://www.w3.org/2000/svg';
export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'fs-icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

export function setIcon(button: HTMLElement, name: IconName): void {
  button.querySelector('svg.fs-icon')?.replaceWith(icon(name));
}

type PlayerEventMap = HTMLElementEventMap &
  HTMLMediaElementEventMap &
  WindowEventMap &
  DocumentEventMap &
  TextTrackEventMap;

/** Listens and returns the undo, so `destroy` can remove every listener the player added. */
export function listen<K extends keyof PlayerEventMap>(
  target: EventTarget,
  type: K,
  handler: (event: PlayerEventMap[K]) => void,
  options?: AddEventListenerOptions,
): () => void {
  const listener = (event: Event) => handler(event as PlayerEventMap[K]);
  target.addEventListener(type, listener, options);
  return () => target.removeEventListener(type, listener, options);
}
