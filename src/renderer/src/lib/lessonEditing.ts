import type { LessonDocument } from '@shared/editor/document';
import type { Command } from '@shared/editor/commands';
import type { SaveState } from '@shared/editor/saveQueue';

export type EditorStatus = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready' };

/**
 * An open lesson document and the commands that change it, as the editor screen's hook provides them. Here, not in
 * the editor feature, because the checkpoint tools run commands on the same document and the editor composes them.
 */
export interface Editor {
  status: EditorStatus;
  doc: LessonDocument | null;
  saveState: SaveState;
  /** Runs a command on the document: a new undo step, saved at once. Answers false when it was refused. */
  run: <A>(command: Command<A>, args: A) => boolean;
  undo: () => void;
  redo: () => void;
  /** Ends a run of steps that merge (nudges), so the next one starts a new undo step. */
  seal: () => void;
  undoLabel: string | null;
  redoLabel: string | null;
  /**
   * The revision the document on screen was saved as (the document's own field is the one it opened at); null while
   * a change is being saved.
   */
  savedRevision: () => number | null;
}
