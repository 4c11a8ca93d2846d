import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LessonDocument } from '@shared/editor/document';
import type { Command } from '@shared/editor/commands';
import { diffDocuments, isEmptyChange } from '@shared/editor/diff';
import {
  createHistory,
  pushStep,
  redo as redoStep,
  redoLabel,
  sealHistory,
  undo as undoStep,
  undoLabel,
  type History,
} from '@shared/editor/history';
import { createSaveQueue, type SaveState } from '@shared/editor/saveQueue';
import { EditRefusedError } from '@shared/timeline';
import { studio } from '../../studio';
import { describeError } from '../../lib/errors';
import { useToast } from '../../ui/Toast';
import type { Editor, EditorStatus } from '../../lib/lessonEditing';

export type { Editor } from '../../lib/lessonEditing';

/**
 * Opens the lesson's document and edits it: every command makes a new document, pushed on the undo history,
 * diffed against the one before and saved straight away (autosave, in order, through one queue). A refused save
 * (another window changed the lesson) reloads the document and says so.
 */
export function useEditor(lessonId: string): Editor {
  const toast = useToast();
  const [status, setStatus] = useState<EditorStatus>({ kind: 'loading' });
  const [history, setHistoryState] = useState<History | null>(null);
  const [saveState, setSaveStateValue] = useState<SaveState>('saved');
  const saveStateRef = useRef<SaveState>('saved');
  const setSaveState = useCallback((next: SaveState) => {
    saveStateRef.current = next;
    setSaveStateValue(next);
  }, []);
  const historyRef = useRef<History | null>(null);
  const setHistory = useCallback((next: History | null) => {
    historyRef.current = next;
    setHistoryState(next);
  }, []);

  const reloadRef = useRef<() => void>(() => undefined);
  const [queue] = useState(() =>
    createSaveQueue({
      revision: 0,
      apply: (change) => studio.editor.apply(change),
      onState: setSaveState,
      onError: (error) => {
        toast.show({
          message: `Your last change was not saved: ${describeError(error)} The lesson was reloaded.`,
          tone: 'error',
        });
        reloadRef.current();
      },
    }),
  );

  const load = useCallback(async () => {
    try {
      const doc = await studio.editor.open({ lessonId });
      queue.reset(doc.revision);
      setHistory(createHistory(doc));
      setStatus({ kind: 'ready' });
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  }, [lessonId, queue, setHistory]);
  reloadRef.current = () => void load();

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      studio.editor.onDidChange((event) => {
        const current = historyRef.current?.present;
        if (!current || event.takeId !== current.takeId) return;
        // Our own saves come back as events too; only a newer revision made elsewhere, while idle, reloads.
        if (saveStateRef.current === 'saved' && event.revision > queue.revision) void load();
      }),
    [load, queue],
  );

  const commit = useCallback(
    (next: History) => {
      const before = historyRef.current;
      if (!before) return;
      const change = diffDocuments(before.present, next.present);
      setHistory(next);
      if (!isEmptyChange(change)) queue.enqueue(change);
    },
    [queue, setHistory],
  );

  const run = useCallback(
    <A>(command: Command<A>, args: A): boolean => {
      const current = historyRef.current;
      if (!current) return false;
      let next: LessonDocument;
      try {
        next = command.run(current.present, args);
      } catch (error) {
        toast.show({
          message: error instanceof EditRefusedError ? error.message : describeError(error),
          tone: 'error',
        });
        return false;
      }
      if (isEmptyChange(diffDocuments(current.present, next))) return true;
      commit(pushStep(current, next, command.label(current.present, args), command.mergeKey?.(args)));
      return true;
    },
    [commit, toast],
  );

  const undo = useCallback(() => {
    if (historyRef.current) commit(undoStep(historyRef.current));
  }, [commit]);
  const redo = useCallback(() => {
    if (historyRef.current) commit(redoStep(historyRef.current));
  }, [commit]);
  const seal = useCallback(() => {
    if (historyRef.current) setHistory(sealHistory(historyRef.current));
  }, [setHistory]);

  const savedRevision = useCallback(() => (saveStateRef.current === 'saved' ? queue.revision : null), [queue]);

  return useMemo(
    () => ({
      status,
      doc: history?.present ?? null,
      saveState,
      run,
      undo,
      redo,
      seal,
      undoLabel: history ? undoLabel(history) : null,
      redoLabel: history ? redoLabel(history) : null,
      savedRevision,
    }),
    [status, history, saveState, run, undo, redo, seal, savedRevision],
  );
}
