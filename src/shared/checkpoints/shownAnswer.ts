import type { OpenedCheckpoint } from './answerKey';

/**
 * The right answer as a learner is shown it once their last attempt was wrong: the correct choices in the teacher's
 * Markdown, or a plain text (true/false, a number, an accepted short answer) that is never read as Markdown.
 */
export type ShownAnswer =
  { readonly kind: 'choices'; readonly markdown: readonly string[] } | { readonly kind: 'text'; readonly text: string };

/** Null when there is nothing to show: a sealed short answer whose teacher did not choose to reveal it. */
export function shownAnswer(checkpoint: OpenedCheckpoint): ShownAnswer | null {
  switch (checkpoint.type) {
    case 'single':
    case 'multiple':
      return {
        kind: 'choices',
        markdown: checkpoint.choices.filter((choice) => choice.correct).map((choice) => choice.text),
      };
    case 'trueFalse':
      return { kind: 'text', text: checkpoint.answer ? 'True' : 'False' };
    case 'shortAnswer': {
      const first = checkpoint.accepted[0];
      return first === undefined ? null : { kind: 'text', text: first };
    }
    case 'numeric': {
      const { answer } = checkpoint;
      if (answer.kind === 'range') return { kind: 'text', text: `Between ${answer.min} and ${answer.max}` };
      return {
        kind: 'text',
        text: answer.tolerance > 0 ? `${answer.value} ± ${answer.tolerance}` : String(answer.value),
      };
    }
  }
}
