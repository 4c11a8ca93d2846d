import type { Chapter } from '@shared/player';
import { formatClock } from '@shared/format/clock';
import type { CheckpointStatus, PlayerCheckpoint } from '../core/session';
import { h, listen } from './dom';

const STATUS_TEXT: Record<CheckpointStatus, string> = {
  correct: 'Correct',
  incorrect: 'Not correct',
  skipped: 'Skipped',
  unanswered: 'To answer',
};

export interface SidePanel {
  readonly element: HTMLElement;
  setCurrent(chapterIndex: number): void;
  setStatus(checkpointId: string, status: CheckpointStatus): void;
  destroy(): void;
}

/** Chapters to jump to (from the teacher's key moments) and the questions with how each went. */
export function createSidePanel(
  chapters: readonly Chapter[],
  checkpoints: readonly PlayerCheckpoint[],
  onJump: (lessonMs: number) => void,
): SidePanel {
  const undo: (() => void)[] = [];
  const chapterItems = chapters.map((chapter) => {
    const button = h(
      'button',
      { type: 'button', class: 'fs-chapter' },
      h('span', { class: 'fs-chapter-time', text: formatClock(chapter.lessonMs) }),
      h('span', { class: 'fs-chapter-title', text: chapter.title }),
    );
    undo.push(listen(button, 'click', () => onJump(chapter.lessonMs)));
    return h(
      'li',
      {},
      button,
      chapter.note.trim() === '' ? null : h('p', { class: 'fs-chapter-note', text: chapter.note }),
    );
  });
  const statusCells = new Map<string, HTMLElement>();
  const questionItems = checkpoints.map((checkpoint, index) => {
    const status = h('span', {
      class: 'fs-question-status',
      'data-status': 'unanswered',
      text: STATUS_TEXT.unanswered,
    });
    statusCells.set(checkpoint.id, status);
    return h(
      'li',
      { class: 'fs-question-item' },
      h('span', { class: 'fs-chapter-time', text: formatClock(checkpoint.lessonMs) }),
      h('span', { class: 'fs-question-name', text: `Question ${index + 1}` }),
      status,
    );
  });
  const element = h(
    'div',
    { class: 'fs-contents' },
    chapters.length > 0 ? h('h2', { class: 'fs-side-title', text: 'Chapters' }) : null,
    chapters.length > 0 ? h('ol', { class: 'fs-chapters' }, ...chapterItems) : null,
    checkpoints.length > 0 ? h('h2', { class: 'fs-side-title', text: 'Questions' }) : null,
    checkpoints.length > 0 ? h('ol', { class: 'fs-questions' }, ...questionItems) : null,
  );
  let current = -1;
  return {
    element,
    setCurrent(index) {
      if (index === current) return;
      chapterItems[current]?.querySelector('button')?.removeAttribute('aria-current');
      chapterItems[index]?.querySelector('button')?.setAttribute('aria-current', 'true');
      current = index;
    },
    setStatus(id, status) {
      const cell = statusCells.get(id);
      if (!cell) return;
      cell.setAttribute('data-status', status);
      cell.textContent = STATUS_TEXT[status];
    },
    destroy() {
      for (const off of undo) off();
    },
  };
}
