import type { LessonNotes } from '@shared/player';
import { formatClock } from '@shared/format/clock';
import { h, listen } from './dom';
import { renderNotes } from './notesView';

export interface NotesPanel {
  readonly element: HTMLElement;
  destroy(): void;
}

/** Where a package keeps its notes' files and KaTeX's style sheet, beside index.html. */
export const PACKAGE_NOTES_FOLDER = 'notes/';

/**
 * The lesson's notes to read beside the video: key-moment links play the video from their time, and "Print notes"
 * prints them alone. KaTeX's style sheet is added to the page only when the notes have a formula.
 */
export function createNotesPanel(
  notes: LessonNotes,
  options: {
    baseUrl: string;
    folder: string;
    onSeek: (lessonMs: number) => void;
    onSeekNotice: (text: string) => void;
  },
): NotesPanel {
  const fileUrl = (path: string) => new URL(`${options.folder}${path}`, options.baseUrl).href;
  const body = h('div', { class: 'fs-notes-body' });
  renderNotes(body, notes.html, { fileUrl, baseUrl: options.baseUrl });
  const print = h('button', {
    type: 'button',
    class: 'fs-button-text fs-secondary fs-notes-print',
    text: 'Print notes',
  });
  const element = h('div', { class: 'fs-notes' }, h('div', { class: 'fs-notes-tools' }, print), body);
  let sheet: HTMLLinkElement | null = null;
  if (notes.formulas) {
    sheet = h('link', { rel: 'stylesheet', href: fileUrl('katex/katex.css') });
    document.head.append(sheet);
  }
  const undo = [
    listen(body, 'click', (event) => {
      const link = (event.target as Element | null)?.closest('a[data-seek]');
      if (!link) return;
      event.preventDefault();
      const ms = Number(link.getAttribute('data-seek'));
      if (!Number.isFinite(ms)) return;
      options.onSeek(ms);
      options.onSeekNotice(`Playing from ${formatClock(ms)}`);
    }),
    listen(print, 'click', () => {
      const root = document.documentElement;
      root.classList.add('fs-print-notes');
      const done = () => root.classList.remove('fs-print-notes');
      window.addEventListener('afterprint', done, { once: true });
      window.print();
    }),
  ];
  return {
    element,
    destroy() {
      for (const off of undo) off();
      sheet?.remove();
    },
  };
}
