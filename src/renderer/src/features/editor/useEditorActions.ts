import { useCallback, useMemo, useRef, useState } from 'react';
import type { CalloutKind, LessonDocument } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import { formatTimecode } from '@shared/timeline';
import type { Editor } from './useEditor';
import type { LessonPlayer } from './playback/lessonPlayer';
import {
  NOTHING_SELECTED,
  SELECT,
  sameSelection,
  selectedRange,
  summarizeSelection,
  type DeleteAction,
  type EditorSelection,
} from './selection';

/** How long a new callout shows, from the playhead. */
const CALLOUT_MS = 4_000;

export type EditorActions = ReturnType<typeof useEditorActions>;

interface EditorDialogs {
  /** Opens the question editor for a new question at a source time. */
  onAddQuestion: (sourceMs: number) => void;
  /** A key moment was just added: the teacher names it (its made-up title selected, to type over). */
  onAddedMarker: (id: string) => void;
}

/** Everything the toolbar, the timeline, the panels and the keyboard can do, acting on the playhead and selection. */
export function useEditorActions(
  editor: Editor,
  doc: LessonDocument | null,
  player: LessonPlayer,
  { onAddQuestion, onAddedMarker }: EditorDialogs,
) {
  const [selection, setSelection] = useState<EditorSelection>(NOTHING_SELECTED);
  // Selecting something else seals the undo history (nudges of one thing merge, of two things do not); selecting
  // what is already selected (a focused pin pressed again) changes nothing.
  const current = useRef(selection);
  current.current = selection;
  const select = useCallback(
    (next: EditorSelection) => {
      if (sameSelection(current.current, next)) return;
      editor.seal();
      current.current = next;
      setSelection(next);
    },
    [editor],
  );
  const here = useCallback(() => player.getState().sourceMs, [player]);

  const actions = useMemo(
    () => ({
      select,
      clearSelection: () => select(NOTHING_SELECTED),
      jumpTo: (lessonMs: number) => {
        player.pause();
        player.seek(lessonMs);
      },
      /** The start (I) or end (O) of a part to cut; the other end is kept when a part was already being marked. */
      setIn: () => select(SELECT.part(here(), selection.kind === 'part' ? selection.endMs : null)),
      setOut: () => select(SELECT.part(selection.kind === 'part' ? selection.startMs : null, here())),
      split: () => editor.run(commands.splitAt, { at: here() }),
      trimStartHere: () => editor.run(commands.trimStart, { at: here() }),
      trimEndHere: () => editor.run(commands.trimEnd, { at: here() }),
      addMarker: () => {
        const id = crypto.randomUUID();
        const at = here();
        if (
          editor.run(commands.addMarker, {
            id,
            sourceMs: at,
            title: `Key moment at ${formatTimecode(player.getState().lessonMs)}`,
          })
        ) {
          player.pause();
          select(SELECT.marker(id));
          onAddedMarker(id);
        }
      },
      addCallout: (kind: CalloutKind) => {
        const id = crypto.randomUUID();
        const start = here();
        if (editor.run(commands.addCallout, { id, kind, sourceStart: start, sourceEnd: start + CALLOUT_MS }))
          select(SELECT.callout(id));
      },
      addQuestion: () => {
        player.pause();
        onAddQuestion(here());
      },
      /** Hides the camera bubble over the selected part; the selection is cleared so the hidden band shows. */
      hideCameraInSelection: () => {
        const range = selectedRange(selection);
        if (range && editor.run(commands.hideCameraRange, range)) select(NOTHING_SELECTED);
      },
      /** Does what the selection bar's button says, and nothing when it shows none. */
      deleteSelection: () => {
        const summary = doc && summarizeSelection(selection, doc);
        if (summary?.remove && runDelete(editor, summary.remove.action)) select(NOTHING_SELECTED);
      },
    }),
    [doc, editor, here, onAddQuestion, onAddedMarker, player, select, selection],
  );
  return { selection, ...actions };
}

function runDelete(editor: Editor, action: DeleteAction): boolean {
  switch (action.kind) {
    case 'cut-part':
      return editor.run(commands.cutRange, action.range);
    case 'cut-section':
      return editor.run(commands.deleteSegment, { at: action.atMs });
    case 'remove-callout':
      return editor.run(commands.removeCallout, { id: action.id });
    case 'remove-marker':
      return editor.run(commands.removeMarker, { id: action.id });
    case 'remove-checkpoint':
      return editor.run(commands.removeCheckpoint, { id: action.id });
  }
}
