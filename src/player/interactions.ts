import { markdownToText, type CheckpointResponse, type OpenedCheckpoint, type ScoreResult } from '@shared/checkpoints';
import type { Interaction } from './adapter';

/** SCORM 2004's cmi.interactions.n.description keeps at least 250 characters; shorter is safe everywhere. */
export const DESCRIPTION_MAX = 250;

/**
 * One answered checkpoint as the adapters report it. The response must be the one scored (same type as the
 * checkpoint); a mismatched one is reported with an empty learner response rather than a guess.
 */
export function toInteraction(
  checkpoint: OpenedCheckpoint,
  response: CheckpointResponse,
  result: Pick<ScoreResult, 'correct'>,
  timing: { latencyMs: number; timestamp: Date },
): Interaction {
  const base = {
    id: checkpoint.id,
    result: result.correct ? ('correct' as const) : ('incorrect' as const),
    latencyMs: Math.max(0, Math.round(timing.latencyMs)),
    timestamp: timing.timestamp,
    description: plainText(checkpoint.prompt),
  };
  switch (checkpoint.type) {
    case 'single':
    case 'multiple': {
      const learnerResponse =
        response.type === 'single' ? [response.choiceId] : response.type === 'multiple' ? response.choiceIds : [];
      const correctResponse = checkpoint.choices.filter((choice) => choice.correct).map((choice) => choice.id);
      return { ...base, type: 'choice', learnerResponse, correctResponse };
    }
    case 'trueFalse':
      return {
        ...base,
        type: 'true-false',
        learnerResponse: response.type === 'trueFalse' ? response.value : !checkpoint.answer,
        correctResponse: checkpoint.answer,
      };
    case 'shortAnswer': {
      const text = response.type === 'shortAnswer' ? response.text : '';
      // A sealed package cannot name its accepted answers; a right answer is one, so it stands for them.
      const known = checkpoint.answerKey ? [] : checkpoint.accepted;
      return {
        ...base,
        type: 'fill-in',
        learnerResponse: text,
        correctResponse: result.correct && known.length === 0 ? [text] : known,
        caseMatters: !checkpoint.matching.ignoreCase,
      };
    }
    case 'numeric': {
      const answer = checkpoint.answer;
      const correctResponse =
        answer.kind === 'value'
          ? { min: answer.value - answer.tolerance, max: answer.value + answer.tolerance }
          : { min: answer.min, max: answer.max };
      return {
        ...base,
        type: 'numeric',
        learnerResponse: response.type === 'numeric' ? response.text : '',
        correctResponse,
      };
    }
  }
}

/** The prompt without Markdown marks, folded to one line, for LMS reports (which show text, never HTML). */
export function plainText(markdown: string): string {
  return markdownToText(markdown, DESCRIPTION_MAX);
}
