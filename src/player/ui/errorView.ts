import { h } from './dom';

/** Replaces the player with a plain explanation; every piece of text from the package is set as text only. */
export function showError(root: HTMLElement, title: string, details: readonly string[]): void {
  root.classList.add('fs-player');
  root.replaceChildren(
    h(
      'div',
      { class: 'fs-error', role: 'alert' },
      h('h1', { class: 'fs-error-title', text: title }),
      ...details.map((line) => h('p', { text: line })),
      h('p', { class: 'fs-note', text: 'If this keeps happening, tell your teacher which lesson it was.' }),
    ),
  );
}
