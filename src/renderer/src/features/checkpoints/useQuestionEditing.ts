import { useCallback, useMemo, useState } from 'react';
import type { CheckpointInput } from '@shared/checkpoints/schema';
import * as commands from '@shared/editor/commands';
import type { LessonDocument } from '@shared/editor/document';
import type { Editor } from '../../lib/lessonEditing';
import { draftOf, newDraft, type QuestionDraft } from './questionDraft';
import { createLessonMap } from '@shared/timeline';

/**
 * Which question the editor dialog is writing: a new one at a moment of the take, or a saved one. Saving runs
 * addCheckpoint or editCheckpoint, one undo step either way; cancelling leaves the document as it was.
 */
export function useQuestionEditing(editor: Editor, doc: LessonDocument | null) {
  const [open, setOpen] = useState<{ draft: QuestionDraft; isNew: boolean } | null>(null);
  const editList = doc?.editList;
  const map = useMemo(() => (editList ? createLessonMap(editList) : null), [editList]);

  const openNew = useCallback(
    (sourceMs: number) => setOpen({ draft: newDraft(crypto.randomUUID(), Math.round(sourceMs)), isNew: true }),
    [],
  );
  const openEdit = useCallback(
    (id: string) => {
      const checkpoint = doc?.checkpoints.find((item) => item.id === id);
      if (checkpoint && map) setOpen({ draft: draftOf(checkpoint, map), isNew: false });
    },
    [doc, map],
  );
  const close = useCallback(() => setOpen(null), []);
  const save = useCallback(
    (input: CheckpointInput, isNew: boolean) =>
      isNew
        ? editor.run(commands.addCheckpoint, { checkpoint: input })
        : editor.run(commands.editCheckpoint, { checkpoint: input }),
    [editor],
  );
  return { open, map, openNew, openEdit, close, save };
}
