import {
  validateCheckpoint,
  type Checkpoint,
  type CheckpointInput,
  type CheckpointType,
  type Matching,
} from '@shared/checkpoints/schema';
import { formatTimecode, type LessonMap } from '@shared/timeline';

export interface ChoiceDraft {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  readonly feedback: string;
}

export type RewatchKind = 'previousMarker' | 'sourceMs' | 'none';

/**
 * What the question editor holds: every type's fields at once, as typed (numbers as text), so switching the type
 * loses nothing and a half-typed number is never rewritten under the teacher's cursor.
 */
export interface QuestionDraft {
  readonly id: string;
  readonly sourceMs: number;
  readonly type: CheckpointType;
  readonly prompt: string;
  readonly choices: readonly ChoiceDraft[];
  readonly partialCredit: boolean;
  readonly trueFalse: boolean | null;
  readonly accepted: readonly string[];
  readonly matching: Matching;
  readonly numericKind: 'value' | 'range';
  readonly value: string;
  readonly tolerance: string;
  readonly min: string;
  readonly max: string;
  readonly feedbackCorrect: string;
  readonly feedbackIncorrect: string;
  readonly points: string;
  readonly required: boolean;
  readonly limitAttempts: boolean;
  readonly attempts: string;
  /** Kept while attempts are unlimited so turning the limit back on restores it; saved only with a limit. */
  readonly revealAnswer: boolean;
  readonly rewatch: RewatchKind;
  /** Lesson time as the teacher reads it on the timeline ("0:04.5"); stored as source time. */
  readonly rewatchAt: string;
}

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

const MATCH_ALL: Matching = { ignoreCase: true, ignoreAccents: true, ignoreSpacing: true, ignorePunctuation: true };

export const newChoiceId = (): string => crypto.randomUUID().slice(0, 8);
export const blankChoice = (correct = false): ChoiceDraft => ({ id: newChoiceId(), text: '', correct, feedback: '' });

export function newDraft(id: string, sourceMs: number, type: CheckpointType = 'single'): QuestionDraft {
  return {
    id,
    sourceMs,
    type,
    prompt: '',
    choices: [blankChoice(true), blankChoice()],
    partialCredit: false,
    trueFalse: null,
    accepted: [''],
    matching: MATCH_ALL,
    numericKind: 'value',
    value: '',
    tolerance: '0',
    min: '',
    max: '',
    feedbackCorrect: '',
    feedbackIncorrect: '',
    points: '1',
    required: true,
    limitAttempts: false,
    attempts: '3',
    revealAnswer: false,
    rewatch: 'previousMarker',
    rewatchAt: '',
  };
}

/** A saved question as a draft, times shown in lesson time through `map`. */
export function draftOf(checkpoint: Checkpoint, map: Pick<LessonMap, 'sourceToLesson'>): QuestionDraft {
  const base = newDraft(checkpoint.id, checkpoint.sourceMs, checkpoint.type);
  const draft: QuestionDraft = {
    ...base,
    prompt: checkpoint.prompt,
    feedbackCorrect: checkpoint.feedback.correct ?? '',
    feedbackIncorrect: checkpoint.feedback.incorrect ?? '',
    points: String(checkpoint.points),
    required: checkpoint.required,
    limitAttempts: checkpoint.attemptsAllowed !== null,
    attempts: String(checkpoint.attemptsAllowed ?? 3),
    revealAnswer: checkpoint.revealAnswer,
    rewatch: checkpoint.rewatchFrom.kind,
    rewatchAt:
      checkpoint.rewatchFrom.kind === 'sourceMs'
        ? formatTimecode(map.sourceToLesson(checkpoint.rewatchFrom.sourceMs).lessonMs)
        : '',
  };
  switch (checkpoint.type) {
    case 'single':
    case 'multiple':
      return {
        ...draft,
        choices: checkpoint.choices.map((choice) => ({ ...choice, feedback: choice.feedback ?? '' })),
        partialCredit: checkpoint.type === 'multiple' && checkpoint.partialCredit,
      };
    case 'trueFalse':
      return { ...draft, trueFalse: checkpoint.answer };
    case 'shortAnswer':
      return { ...draft, accepted: checkpoint.accepted, matching: checkpoint.matching };
    case 'numeric':
      return checkpoint.answer.kind === 'value'
        ? {
            ...draft,
            numericKind: 'value',
            value: String(checkpoint.answer.value),
            tolerance: String(checkpoint.answer.tolerance),
          }
        : { ...draft, numericKind: 'range', min: String(checkpoint.answer.min), max: String(checkpoint.answer.max) };
  }
}

/** Decimal comma or point, as teachers type them; empty or anything else is NaN, which the schema calls "Enter a number". */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** "m:ss.t", "m:ss", or plain seconds ("4.5"), to milliseconds; null when it is none of them. */
export function parseTimecode(text: string): number | null {
  const match = /^\s*(?:(\d+):)?(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const minutes = match[1] === undefined ? 0 : Number(match[1]);
  const seconds = Number((match[2] ?? '').replace(',', '.'));
  if (match[1] !== undefined && seconds >= 60) return null;
  return Math.round((minutes * 60 + seconds) * 1000);
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text);

/**
 * The checkpoint the schema will judge, plus the errors only the draft can see (a time that is not a time, a
 * rewatch point after the question). Where a draft field is unreadable, a neutral value stands in so the schema
 * does not repeat the complaint in its own words.
 */
export function toInput(
  draft: QuestionDraft,
  map: Pick<LessonMap, 'sourceToLesson' | 'lessonToSource'>,
): { input: CheckpointInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let attemptsAllowed: number | null = null;
  if (draft.limitAttempts) {
    attemptsAllowed = /^\s*\d+\s*$/.test(draft.attempts) ? Number(draft.attempts) : 1;
    if (!/^\s*\d+\s*$/.test(draft.attempts))
      errors.push({ path: 'attemptsAllowed', message: 'Enter a whole number of attempts' });
  }
  let rewatchFrom: CheckpointInput['rewatchFrom'] = {
    kind: draft.rewatch === 'sourceMs' ? 'previousMarker' : draft.rewatch,
  };
  if (draft.rewatch === 'sourceMs') {
    const lessonMs = parseTimecode(draft.rewatchAt);
    const questionAt = map.sourceToLesson(draft.sourceMs).lessonMs;
    if (lessonMs === null) errors.push({ path: 'rewatchFrom.sourceMs', message: 'Enter a time such as 0:04.5' });
    else if (lessonMs > questionAt)
      errors.push({
        path: 'rewatchFrom.sourceMs',
        message: `Choose a time before the question (${formatTimecode(questionAt)})`,
      });
    else rewatchFrom = { kind: 'sourceMs', sourceMs: map.lessonToSource(lessonMs) };
  }
  if (draft.type === 'trueFalse' && draft.trueFalse === null)
    errors.push({ path: 'answer', message: 'Say whether the statement is true or false' });
  const base = {
    id: draft.id,
    sourceMs: draft.sourceMs,
    prompt: draft.prompt,
    feedback: { correct: optional(draft.feedbackCorrect), incorrect: optional(draft.feedbackIncorrect) },
    points: parseNumber(draft.points),
    required: draft.required,
    attemptsAllowed,
    rewatchFrom,
    revealAnswer: draft.limitAttempts && draft.revealAnswer,
  };
  const choices = draft.choices.map((choice) => ({
    id: choice.id,
    text: choice.text,
    correct: choice.correct,
    feedback: optional(choice.feedback),
  }));
  const input: CheckpointInput = (() => {
    switch (draft.type) {
      case 'single':
        return { ...base, type: 'single' as const, choices };
      case 'multiple':
        return { ...base, type: 'multiple' as const, choices, partialCredit: draft.partialCredit };
      case 'trueFalse':
        return { ...base, type: 'trueFalse' as const, answer: draft.trueFalse ?? true };
      case 'shortAnswer':
        return {
          ...base,
          type: 'shortAnswer' as const,
          accepted: draft.accepted.filter((answer) => answer.trim() !== ''),
          matching: draft.matching,
        };
      case 'numeric':
        return {
          ...base,
          type: 'numeric' as const,
          answer:
            draft.numericKind === 'value'
              ? {
                  kind: 'value' as const,
                  value: parseNumber(draft.value),
                  tolerance: draft.tolerance.trim() === '' ? 0 : parseNumber(draft.tolerance),
                }
              : { kind: 'range' as const, min: parseNumber(draft.min), max: parseNumber(draft.max) },
        };
    }
  })();
  return { input, errors };
}

/** Everything wrong with a draft, keyed by the schema's field paths, in plain words. */
export function validateDraft(
  draft: QuestionDraft,
  map: Pick<LessonMap, 'sourceToLesson' | 'lessonToSource'>,
): { input: CheckpointInput; errors: FieldError[] } {
  const { input, errors } = toInput(draft, map);
  const result = validateCheckpoint(input);
  return { input, errors: [...errors, ...(result.ok ? [] : result.errors.map(plainError))] };
}

/** zod's own words for a number that is not one; a person would say what to do. */
function plainError(error: FieldError): FieldError {
  if (/expected number, received NaN/.test(error.message)) return { ...error, message: 'Enter a number' };
  return error;
}
