import { h, listen } from './dom';

export interface Modal {
  readonly dialog: HTMLElement;
  close(): void;
}

/**
 * A dialog over the video (beside it on narrow screens, by CSS): role="dialog", aria-modal, the rest of the player
 * made inert so keyboard and screen reader stay inside; Escape calls `onEscape`; closing gives focus to `returnTo`.
 */
export function openModal(options: {
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
    close() {
      if (!open) return;
      open = false;
      off();
      for (const element of options.inert) element.inert = false;
      options.layer.hidden = true;
      options.layer.replaceChildren();
      options.returnTo()?.focus();
    },
  };
}
