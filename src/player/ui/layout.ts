import type { LessonPackage } from '@shared/player';
import type { LessonMode } from '../adapter';
import { h, icon } from './dom';

export interface Layout {
  readonly header: HTMLElement;
  readonly theatre: HTMLElement;
  readonly stage: HTMLElement;
  readonly captions: HTMLElement;
  readonly notice: HTMLElement;
  readonly bigPlay: HTMLButtonElement;
  /** Where dialogs go: over the video, or below it on a narrow player. */
  readonly layer: HTMLElement;
  readonly main: HTMLElement;
}

/** Said for as long as the lesson is open when the LMS launched it to look at, not to record. */
export const MODE_NOTES: Record<LessonMode, string | null> = {
  normal: null,
  review: 'Review: you can watch and answer again, but nothing you do now is recorded.',
  browse: 'Browsing: try the lesson freely; nothing you do now is recorded.',
};

/** The player's frame: title, the stage with the media, captions and messages, and the dialog layer. */
export function createLayout(root: HTMLElement, lesson: LessonPackage, mode: LessonMode): Layout {
  const note = MODE_NOTES[mode];
  const header = h(
    'header',
    { class: 'fs-head' },
    h('h1', { class: 'fs-title', text: lesson.title }),
    lesson.description.trim() === '' ? null : h('p', { class: 'fs-description', text: lesson.description }),
    note === null ? null : h('p', { class: 'fs-mode-note', role: 'note', text: note }),
  );
  const captions = h('div', { class: 'fs-captions', hidden: true, lang: lesson.language });
  const notice = h('p', { class: 'fs-notice', role: 'status', 'aria-live': 'polite', hidden: true });
  const bigPlay = h('button', { type: 'button', class: 'fs-big-play', 'aria-label': 'Play lesson' }, icon('play'));
  const stage = h('div', { class: 'fs-stage' }, captions, bigPlay, notice);
  const layer = h('div', { class: 'fs-layer', hidden: true });
  const theatre = h('div', { class: 'fs-theatre' }, stage, layer);
  const main = h('div', { class: 'fs-main' }, theatre);
  root.classList.add('fs-player');
  root.setAttribute('lang', lesson.language);
  root.replaceChildren(header, main);
  return { header, theatre, stage, captions, notice, bigPlay, layer, main };
}

/** Shows a short message for a few seconds; screen readers hear it through the live region. */
export function createNotice(element: HTMLElement): { show(message: string): void; hide(): void; destroy(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hide = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    element.hidden = true;
    element.textContent = '';
  };
  return {
    hide,
    show(message) {
      if (timer !== null) clearTimeout(timer);
      element.textContent = message;
      element.hidden = false;
      timer = setTimeout(hide, 4000);
    },
    destroy() {
      if (timer !== null) clearTimeout(timer);
    },
  };
}
