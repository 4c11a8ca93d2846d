import { useCallback, useMemo, useState } from 'react';
import { CHOICES_MAX, CHOICES_MIN, ACCEPTED_MAX, type CheckpointInput } from '@shared/checkpoints/schema';
import type { LessonMap } from '@shared/timeline';
import { blankChoice, validateDraft, type ChoiceDraft, type FieldError, type QuestionDraft } from './questionDraft';

export type QuestionForm = ReturnType<typeof useQuestionForm>;

/** The part of a field path the form tracks as touched: "choices.1.text" → "choices". */
const fieldOf = (path: string) => path.split('.')[0] ?? path;

/** Which schema field each draft field feeds, so editing it reveals that field's errors. */
const FIELD: Partial<Record<keyof QuestionDraft, string>> = {
  trueFalse: 'answer',
  numericKind: 'answer',
  value: 'answer',
  tolerance: 'answer',
  min: 'answer',
  max: 'answer',
  limitAttempts: 'attemptsAllowed',
  attempts: 'attemptsAllowed',
  rewatch: 'rewatchFrom',
  rewatchAt: 'rewatchFrom',
  feedbackCorrect: 'feedback',
  feedbackIncorrect: 'feedback',
};

/**
 * The question editor's state: the draft, its errors from the same schema the store uses, and the edits a teacher
 * makes. An error shows beside its field once that field was touched, so a new question does not open in red;
 * `firstError` says what still stands between the teacher and Save.
 */
export function useQuestionForm(initial: QuestionDraft, map: Pick<LessonMap, 'sourceToLesson' | 'lessonToSource'>) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const { input, errors } = useMemo(() => validateDraft(draft, map), [draft, map]);

  const update = useCallback((patch: Partial<QuestionDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    const fields = (Object.keys(patch) as (keyof QuestionDraft)[]).map((key) => FIELD[key] ?? key);
    setTouched((current) => (fields.every((field) => current.has(field)) ? current : new Set([...current, ...fields])));
  }, []);

  const shown = useCallback((error: FieldError) => touched.has(fieldOf(error.path)), [touched]);
  const errorAt = useCallback(
    (path: string) => errors.find((error) => error.path === path && shown(error))?.message,
    [errors, shown],
  );
  /** Errors about the field as a whole or any part of it ("accepted", "accepted.1"), for a list shown as one. */
  const errorUnder = useCallback(
    (prefix: string) =>
      errors.find((error) => (error.path === prefix || error.path.startsWith(`${prefix}.`)) && shown(error))?.message,
    [errors, shown],
  );

  const setChoices = useCallback(
    (change: (choices: readonly ChoiceDraft[]) => readonly ChoiceDraft[]) => update({ choices: change(draft.choices) }),
    [draft.choices, update],
  );
  const choices = useMemo(
    () => ({
      canAdd: draft.choices.length < CHOICES_MAX,
      canRemove: draft.choices.length > CHOICES_MIN,
      add: () => setChoices((list) => [...list, blankChoice()]),
      remove: (id: string) => setChoices((list) => list.filter((choice) => choice.id !== id)),
      move: (id: string, by: -1 | 1) =>
        setChoices((list) => {
          const from = list.findIndex((choice) => choice.id === id);
          const to = from + by;
          const moving = list[from];
          if (from < 0 || to < 0 || to >= list.length || !moving) return list;
          const next = list.filter((_, index) => index !== from);
          next.splice(to, 0, moving);
          return next;
        }),
      change: (id: string, patch: Partial<ChoiceDraft>) =>
        setChoices((list) => list.map((choice) => (choice.id === id ? { ...choice, ...patch } : choice))),
      /** Single choice: this one only. Multiple: toggles it. */
      markCorrect: (id: string, correct: boolean) =>
        setChoices((list) =>
          list.map((choice) =>
            draft.type === 'multiple'
              ? choice.id === id
                ? { ...choice, correct }
                : choice
              : { ...choice, correct: choice.id === id },
          ),
        ),
    }),
    [draft.choices.length, draft.type, setChoices],
  );

  const setAccepted = (list: readonly string[]) => update({ accepted: list });
  const accepted = {
    canAdd: draft.accepted.length < ACCEPTED_MAX,
    add: () => setAccepted([...draft.accepted, '']),
    remove: (index: number) =>
      setAccepted(draft.accepted.length > 1 ? draft.accepted.filter((_answer, at) => at !== index) : ['']),
    change: (index: number, text: string) =>
      setAccepted(draft.accepted.map((answer, at) => (at === index ? text : answer))),
  };

  return {
    draft,
    update,
    errorAt,
    errorUnder,
    choices,
    accepted,
    valid: errors.length === 0,
    firstError: errors[0]?.message ?? null,
    /** What to save once valid; the command parses it again. */
    input: input satisfies CheckpointInput,
  };
}
