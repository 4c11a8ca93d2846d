import type { AttemptResult, CompletionReport } from '@shared/checkpoints';
import { formatClock } from '@shared/format/clock';
import type { LessonMode } from '../adapter';
import type { CheckpointStatus, SummaryRow } from '../core/session';
import { h, listen, setMarkdown } from './dom';
import type { Modal } from './modal';

const STATUS_TEXT: Record<CheckpointStatus, string> = {
  correct: 'Correct',
  incorrect: 'Not correct',
  skipped: 'Skipped',
  unanswered: 'Not answered',
};

/**
 * Says plainly whether the learner can still improve this attempt. With tries left the attempt stays open in the LMS
 * and the learner comes back to it; out of tries, the LMS has closed it (and in review or browse nothing counts).
 */
function masteryLine(
  passed: boolean,
  info: { attempt: AttemptResult; mode: LessonMode; masteryPercent: number },
): string {
  const goal = info.masteryPercent;
  if (passed) return `Passed: the goal is ${goal}%.`;
  if (info.mode !== 'normal') return `Not yet: the goal is ${goal}%. This was not recorded.`;
  if (info.attempt.over) return `This attempt is over: the goal was ${goal}%. Your result has been recorded.`;
  return `Not yet: the goal is ${goal}%. Your progress is kept: review the questions below and try again.`;
}

/** The end of the lesson: the score against the teacher's mastery line, and each missed question with a way back. */
export function showSummary(
  modal: Modal,
  titleId: string,
  info: {
    report: CompletionReport;
    attempt: AttemptResult;
    mode: LessonMode;
    masteryPercent: number;
    rows: readonly SummaryRow[];
  },
  handlers: { review(lessonMs: number): void; close(): void; leave?: () => void },
): () => void {
  const undo: (() => void)[] = [];
  const { report, rows } = info;
  const percent = Math.round(report.scaled * 100);
  const title = h('h2', { id: titleId, class: 'fs-summary-title', text: 'Lesson finished' });
  const children: (Node | string)[] = [title];

  if (report.max > 0) {
    const passed = report.raw * 100 >= info.masteryPercent * report.max - 1e-9;
    const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
    children.push(
      h(
        'p',
        { class: 'fs-score' },
        h('strong', { class: 'fs-score-value', text: `${percent}%` }),
        ` · ${points(report.raw)} of ${points(report.max)} points`,
      ),
      h('p', { class: 'fs-mastery', 'data-passed': String(passed), text: masteryLine(passed, info) }),
    );
  } else {
    children.push(h('p', { class: 'fs-mastery', text: 'This lesson has no scored questions.' }));
  }
  if (report.completion !== 'completed') {
    children.push(
      h('p', { class: 'fs-note', text: `You have watched ${Math.round(report.watchedPercent)}% of the lesson.` }),
    );
  }

  const missed = rows.filter((row) => row.status !== 'correct');
  if (missed.length > 0) {
    children.push(h('h3', { class: 'fs-summary-sub', text: 'To review' }));
    const list = h('ul', { class: 'fs-missed' });
    for (const row of missed) {
      const prompt = setMarkdown(h('div', { class: 'fs-missed-prompt fs-markdown' }), row.checkpoint.prompt);
      const review = h('button', {
        type: 'button',
        class: 'fs-button-text fs-secondary',
        text: `Review from ${formatClock(row.reviewMs)}`,
      });
      undo.push(listen(review, 'click', () => handlers.review(row.reviewMs)));
      list.append(
        h(
          'li',
          { class: 'fs-missed-item' },
          h('p', {
            class: 'fs-missed-status',
            'data-status': row.status,
            text: `${formatClock(row.checkpoint.lessonMs)} · ${STATUS_TEXT[row.status]}`,
          }),
          prompt,
          review,
        ),
      );
    }
    children.push(list);
  } else if (rows.length > 0) {
    children.push(h('p', { class: 'fs-note', text: 'Every question answered correctly. Well done.' }));
  }
  const close = h('button', {
    type: 'button',
    class: `fs-button-text ${handlers.leave ? 'fs-secondary' : 'fs-primary'}`,
    text: 'Close',
  });
  undo.push(listen(close, 'click', () => handlers.close()));
  const actions = h('div', { class: 'fs-actions' }, close);
  if (handlers.leave) {
    const { leave } = handlers;
    const back = h('button', { type: 'button', class: 'fs-button-text fs-primary', text: 'Return to the course' });
    undo.push(listen(back, 'click', () => leave()));
    actions.append(back);
  }
  children.push(actions);
  modal.dialog.replaceChildren(...children);
  title.tabIndex = -1;
  modal.focus(title);
  return () => {
    for (const off of undo) off();
  };
}
