import { keyCommand, type KeyCommand, type KeyTarget } from '../core/keys';

/** What a key press went to, so typing, choosing and native buttons keep their keys. */
export function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return 'text';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return 'range';
    if (target.type === 'radio' || target.type === 'checkbox') return 'text';
    if (target.type === 'button' || target.type === 'submit') return 'button';
    return 'text';
  }
  if (
    target instanceof HTMLButtonElement ||
    target instanceof HTMLAnchorElement ||
    target.getAttribute('role') === 'button'
  )
    return 'button';
  return 'other';
}

/**
 * The player's keydown handler: only for keys aimed at the player (or at the bare page when the page is only the
 * player), never while a dialog is open, and never for keys a control or text field uses itself.
 */
export function playerKeys(
  root: HTMLElement,
  pageKeys: boolean,
  dialogOpen: () => boolean,
  run: (command: KeyCommand) => void,
): (event: KeyboardEvent) => void {
  return (event) => {
    if (dialogOpen() || event.defaultPrevented) return;
    const inside = event.target instanceof Node && root.contains(event.target);
    const onPage = pageKeys && (event.target === document.body || event.target === document.documentElement);
    if (!inside && !onPage) return;
    const command = keyCommand(event, keyTarget(event.target));
    if (!command) return;
    event.preventDefault();
    run(command);
  };
}
