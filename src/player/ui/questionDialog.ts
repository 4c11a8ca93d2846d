import type { CheckpointResponse, ShownAnswer } from '@shared/checkpoints';
import { formatClock } from '@shared/format/clock';
import type { AnswerOutcome, PlayerCheckpoint } from '../core/session';
import { createAnswerForm } from './answerForm';
import { h, listen, setInlineMarkdown, setMarkdown, uid } from './dom';
import type { Modal } from './modal';

export interface QuestionHandlers {
  submit(response: CheckpointResponse): AnswerOutcome;
  /** Closes the question and plays from the rewatch point. */
  rewatch(lessonMs: number): void;
  /** Closes the question and plays on. */
  proceed(): void;
  skip(): void;
}

export interface QuestionInfo {
  readonly checkpoint: PlayerCheckpoint;
  readonly number: number;
  readonly count: number;
  readonly attemptsLeft: number | null;
  readonly previous: CheckpointResponse | null;
  /** Optional and never answered: only then can it be passed over. */
  readonly canSkip: boolean;
}

/** Fills an open modal with one checkpoint: ask, then feedback with what the learner can do next. */
export function showQuestion(
  modal: Modal,
  promptId: string,
  info: QuestionInfo,
  handlers: QuestionHandlers,
): () => void {
  const { checkpoint } = info;
  const undo: (() => void)[] = [];
  const button = (text: string, className: string, onClick: () => void) => {
    const element = h('button', { type: 'button', class: `fs-button-text ${className}`, text });
    undo.push(listen(element, 'click', onClick));
    return element;
  };
  const rewatchLabel = checkpoint.rewatchMs === null ? null : `Rewatch from ${formatClock(checkpoint.rewatchMs)}`;
  const rewatch = (className: string) =>
    checkpoint.rewatchMs === null || rewatchLabel === null
      ? null
      : button(rewatchLabel, className, () => handlers.rewatch(checkpoint.rewatchMs ?? 0));

  const kicker = h('p', {
    class: 'fs-kicker',
    text: `Question ${info.number} of ${info.count} · ${formatClock(checkpoint.lessonMs)}${checkpoint.required ? '' : ' · optional'}`,
  });
  const prompt = setMarkdown(h('div', { class: 'fs-prompt fs-markdown', id: promptId }), checkpoint.prompt);
  const form = createAnswerForm(checkpoint, info.previous);
  const attempts = h('p', { class: 'fs-attempts' });
  const hint = h('p', { class: 'fs-hint', role: 'status', 'aria-live': 'polite' });
  const feedback = h('div', { class: 'fs-feedback', tabindex: -1, hidden: true });
  const actions = h('div', { class: 'fs-actions' });
  const body = h('form', { class: 'fs-question', novalidate: true }, form.element, hint, feedback, attempts, actions);
  modal.dialog.replaceChildren(kicker, prompt, body);

  const showAttempts = (left: number | null) => {
    attempts.textContent = left === null ? '' : left === 1 ? '1 attempt left' : `${left} attempts left`;
    attempts.hidden = left === null;
  };

  const ask = () => {
    form.setDisabled(false);
    feedback.hidden = true;
    hint.textContent = '';
    const submit = h('button', { type: 'submit', class: 'fs-button-text fs-primary', text: 'Submit' });
    actions.replaceChildren(
      submit,
      info.canSkip && !answeredOnce ? button('Skip', 'fs-secondary', () => handlers.skip()) : '',
      rewatch('fs-quiet') ?? '',
    );
    const start = form.start();
    if (start) modal.focus(start);
  };

  let answeredOnce = false;
  const answered = (outcome: Extract<AnswerOutcome, { kind: 'scored' }>) => {
    answeredOnce = true;
    form.setDisabled(true);
    hint.textContent = '';
    const correct = outcome.result.correct;
    const heading = h('p', {
      class: 'fs-verdict',
      'data-correct': String(correct),
      text: correct ? 'Correct' : 'Not quite',
    });
    const detail =
      outcome.result.feedback === null
        ? null
        : setMarkdown(h('div', { class: 'fs-markdown' }), outcome.result.feedback);
    feedback.replaceChildren(heading, detail ?? '', outcome.answer ? answerBlock(outcome.answer) : '');
    feedback.setAttribute('data-correct', String(correct));
    feedback.hidden = false;
    showAttempts(correct ? null : outcome.attemptsLeft);
    if (!correct && outcome.attemptsLeft === 0) attempts.textContent = 'No attempts left';
    const next = button('Continue', correct || !outcome.canRetry ? 'fs-primary' : 'fs-secondary', () =>
      handlers.proceed(),
    );
    if (correct) actions.replaceChildren(next);
    else if (outcome.canRetry)
      actions.replaceChildren(
        rewatch('fs-primary') ?? '',
        button('Try again', 'fs-secondary', ask),
        button('Continue', 'fs-quiet', () => handlers.proceed()),
      );
    else actions.replaceChildren(next, rewatch('fs-secondary') ?? '');
    modal.focus(feedback);
  };

  undo.push(
    listen(body, 'submit', (event) => {
      event.preventDefault();
      const outcome = handlers.submit(form.response());
      if (outcome.kind === 'notAnswerable') hint.textContent = outcome.hint;
      else if (outcome.kind === 'scored') answered(outcome);
      else handlers.proceed();
    }),
  );
  showAttempts(info.attemptsLeft);
  ask();
  return () => {
    for (const off of undo) off();
  };
}

/** The right answer, shown once the last attempt was wrong: choices keep the teacher's Markdown, the rest is text. */
function answerBlock(answer: ShownAnswer): HTMLElement {
  const label = h('p', { class: 'fs-right-answer-label', text: 'The right answer' });
  if (answer.kind === 'text') return h('div', { class: 'fs-right-answer' }, label, h('p', { text: answer.text }));
  const [only, ...more] = answer.markdown;
  const body =
    only !== undefined && more.length === 0
      ? setInlineMarkdown(h('p'), only)
      : h('ul', {}, ...answer.markdown.map((text) => setInlineMarkdown(h('li'), text)));
  return h('div', { class: 'fs-right-answer' }, label, body);
}

export function questionPromptId(): string {
  return uid('prompt');
}
