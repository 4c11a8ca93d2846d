import { h, listen } from './dom';

export interface Modal {
  readonly dialog: HTMLElement;
  /** Moves focus to `target` if the learner's focus is in the player; a page around the player keeps its own. */
  focus(target: HTMLElement): void;
  close(): void;
}

/**
 * A question or the lesson's end comes when the video gets there, not when the learner acts, so a dialog takes focus
 * only from the player itself (or from nowhere, as on a lesson's own page before any click). Where the player sits in
 * a larger page (the studio's lesson page) and the person is working elsewhere on it, focus stays where they are; the
 * rest of the player is inert, so Tab into the player reaches the dialog first.
 */
function focusIsInside(player: HTMLElement): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || player.contains(active);
}

/**
 * A dialog over the video (beside it on narrow screens, by CSS): role="dialog", aria-modal, the rest of the player
 * made inert so keyboard and screen reader stay inside; Escape calls `onEscape`; closing gives focus to `returnTo`
 * when the focus was in the player.
 */
export function openModal(options: {
  /** The whole player: focus anywhere in it is the learner's, to move into the dialog and back. */
  player: HTMLElement;
  layer: HTMLElement;
  inert: readonly HTMLElement[];
  labelledBy: string;
  className: string;
  returnTo: () => HTMLElement | null;
  onEscape: () => void;
}): Modal {
  const dialog = h('section', {
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': options.labelledBy,
    class: `fs-dialog ${options.className}`,
    tabindex: -1,
  });
  options.layer.replaceChildren(dialog);
  options.layer.hidden = false;
  for (const element of options.inert) element.inert = true;
  const off = listen(dialog, 'keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      options.onEscape();
    }
  });
  let open = true;
  return {
    dialog,
    focus(target) {
      if (focusIsInside(options.player)) target.focus();
    },
    close() {
      if (!open) return;
      open = false;
      off();
      const giveBack = focusIsInside(options.player);
      for (const element of options.inert) element.inert = false;
      options.layer.hidden = true;
      options.layer.replaceChildren();
      if (giveBack) options.returnTo()?.focus();
    },
  };
}
