import { h, listen, uid } from './dom';

export interface PanelTab {
  readonly id: string;
  readonly label: string;
  readonly content: HTMLElement;
}

export interface PanelTabs {
  readonly element: HTMLElement;
  select(id: string): void;
  destroy(): void;
}

/**
 * The panels beside the video (below it on a narrow screen): one shown at a time, chosen by tabs that follow the
 * ARIA tabs pattern (arrow keys, Home and End move between tabs; Tab goes into the panel). One panel needs no tabs.
 */
export function createPanelTabs(
  tabs: readonly PanelTab[],
  onSelect: (id: string) => void = () => undefined,
): PanelTabs {
  const prefix = uid('panel');
  const undo: (() => void)[] = [];
  const buttons = tabs.map((tab) =>
    h('button', {
      type: 'button',
      role: 'tab',
      class: 'fs-tab',
      id: `${prefix}-${tab.id}-tab`,
      'aria-controls': `${prefix}-${tab.id}`,
      'aria-selected': 'false',
      tabindex: '-1',
      text: tab.label,
    }),
  );
  const panels = tabs.map((tab) =>
    h(
      'div',
      {
        role: tabs.length > 1 ? 'tabpanel' : 'region',
        class: 'fs-panel',
        id: `${prefix}-${tab.id}`,
        'aria-labelledby': `${prefix}-${tab.id}-tab`,
        tabindex: '0',
      },
      tab.content,
    ),
  );
  const list = h('div', { role: 'tablist', class: 'fs-tabs', 'aria-label': 'Lesson panels' }, ...buttons);
  const select = (id: string, focus = false) => {
    tabs.forEach((tab, index) => {
      const chosen = tab.id === id;
      const button = buttons[index];
      const panel = panels[index];
      if (!button || !panel) return;
      button.setAttribute('aria-selected', String(chosen));
      button.tabIndex = chosen ? 0 : -1;
      panel.hidden = !chosen;
      if (chosen && focus) button.focus();
    });
    onSelect(id);
  };
  buttons.forEach((button, index) => {
    undo.push(
      listen(button, 'click', () => select(tabs[index]?.id ?? '')),
      listen(button, 'keydown', (event) => {
        const last = tabs.length - 1;
        const next =
          event.key === 'ArrowRight' || event.key === 'ArrowDown'
            ? index === last
              ? 0
              : index + 1
            : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
              ? index === 0
                ? last
                : index - 1
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? last
                  : null;
        if (next === null) return;
        event.preventDefault();
        select(tabs[next]?.id ?? '', true);
      }),
    );
  });
  if (tabs.length === 1) {
    const only = panels[0];
    if (only) only.setAttribute('aria-label', tabs[0]?.label ?? '');
    only?.removeAttribute('aria-labelledby');
  }
  // The same landmark the contents had before they shared it with the notes and transcript: a screen reader's user
  // (and the e2e page objects) find it where it always was.
  const element = h(
    'aside',
    { class: 'fs-side', 'aria-label': 'Lesson contents' },
    tabs.length > 1 ? list : null,
    ...panels,
  );
  select(tabs[0]?.id ?? '');
  return {
    element,
    select,
    destroy() {
      for (const off of undo) off();
    },
  };
}
