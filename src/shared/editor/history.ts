import type { LessonDocument } from './document';

/** Undo keeps at least a hundred steps; two hundred documents share almost all their data, so it costs little. */
export const HISTORY_LIMIT = 200;

interface Step {
  readonly doc: LessonDocument;
  readonly label: string;
}

/** Whole documents with the label of the step between them; `mergeKey` is the last step's, while it may still grow. */
export interface History {
  readonly past: readonly Step[];
  readonly present: LessonDocument;
  readonly future: readonly Step[];
  readonly mergeKey: string | null;
}

export function createHistory(doc: LessonDocument): History {
  return { past: [], present: doc, future: [], mergeKey: null };
}

/**
 * Records a step. A step with the same merge key as the one before (one callout nudged again and again) replaces
 * that step's result instead of adding one, so undo takes it back in one go. Redo is lost, as in every editor.
 */
export function pushStep(history: History, doc: LessonDocument, label: string, mergeKey?: string): History {
  const merged = history.past.at(-1);
  if (mergeKey !== undefined && mergeKey === history.mergeKey && merged) {
    return { past: [...history.past.slice(0, -1), { doc: merged.doc, label }], present: doc, future: [], mergeKey };
  }
  const past = [...history.past, { doc: history.present, label }].slice(-HISTORY_LIMIT);
  return { past, present: doc, future: [], mergeKey: mergeKey ?? null };
}

export function undo(history: History): History {
  const step = history.past.at(-1);
  if (!step) return history;
  return {
    past: history.past.slice(0, -1),
    present: step.doc,
    future: [{ doc: history.present, label: step.label }, ...history.future],
    mergeKey: null,
  };
}

export function redo(history: History): History {
  const [step, ...future] = history.future;
  if (!step) return history;
  return {
    past: [...history.past, { doc: history.present, label: step.label }],
    present: step.doc,
    future,
    mergeKey: null,
  };
}

/** Ends a run of merging steps, e.g. when the teacher selects something else. */
export function sealHistory(history: History): History {
  return history.mergeKey === null ? history : { ...history, mergeKey: null };
}

export const undoLabel = (history: History): string | null => history.past.at(-1)?.label ?? null;
export const redoLabel = (history: History): string | null => history.future[0]?.label ?? null;
