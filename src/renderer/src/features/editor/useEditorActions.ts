import { useCallback, useMemo, useState } from 'react';
import type { CalloutKind, LessonDocument } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import { formatTimecode } from '@shared/timeline';
import type { Editor } from './useEditor';
import type { LessonPlayer } from './playback/lessonPlayer';
import { NOTHING_SELECTED, selectedRange, type EditorSelection } from './selection';

/** How long a new callout shows, from the playhead. */
const CALLOUT_MS = 4_000;

export type EditorActions = ReturnType<typeof useEditorActions>;

/** Nothing but the item named: the timeline and panels highlight one thing at a time. */
export const ONLY = {
  marker: (markerId: string) => ({ markerId, calloutId: null, checkpointId: null }),
  callout: (calloutId: string) => ({ calloutId, markerId: null, checkpointId: null }),
  checkpoint: (checkpointId: string) => ({ checkpointId, markerId: null, calloutId: null }),
};

/**
 * Everything the toolbar, the timeline, the panels and the keyboard can do, acting on the playhead and selection.
 * `onAddQuestion` opens the question editor for a new question at a source time.
 */
export function useEditorActions(
  editor: Editor,
  doc: LessonDocument | null,
  player: LessonPlayer,
  onAddQuestion: (sourceMs: number) => void,
) {
  const [selection, setSelection] = useState<EditorSelection>(NOTHING_SELECTED);
  const select = useCallback(
    (changes: Partial<EditorSelection>) => {
      editor.seal();
      setSelection((current) => ({ ...current, ...changes }));
    },
    [editor],
  );
  const here = useCallback(() => player.getState().sourceMs, [player]);

  const actions = useMemo(
    () => ({
      select,
      clearSelection: () => setSelection(NOTHING_SELECTED),
      jumpTo: (lessonMs: number) => {
        player.pause();
        player.seek(lessonMs);
      },
      setIn: () => select({ inMs: here(), segmentAt: null }),
      setOut: () => select({ outMs: here(), segmentAt: null }),
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
        )
          select(ONLY.marker(id));
      },
      addCallout: (kind: CalloutKind) => {
        const id = crypto.randomUUID();
        const start = here();
        if (editor.run(commands.addCallout, { id, kind, sourceStart: start, sourceEnd: start + CALLOUT_MS }))
          select(ONLY.callout(id));
      },
      addQuestion: () => {
        player.pause();
        onAddQuestion(here());
      },
      /** Hides the camera bubble over the in–out range; the range is cleared so the hidden band shows. */
      hideCameraInSelection: () => {
        const range = selectedRange(selection);
        if (range && editor.run(commands.hideCameraRange, range))
          setSelection((current) => ({ ...current, inMs: null, outMs: null }));
      },
      deleteSelection: () => {
        const range = selectedRange(selection);
        if (range) {
          if (editor.run(commands.cutRange, range))
            setSelection((current) => ({ ...current, inMs: null, outMs: null }));
        } else if (selection.segmentAt !== null) {
          if (editor.run(commands.deleteSegment, { at: selection.segmentAt }))
            setSelection((current) => ({ ...current, segmentAt: null }));
        } else if (selection.calloutId && doc?.callouts.some((c) => c.id === selection.calloutId)) {
          editor.run(commands.removeCallout, { id: selection.calloutId });
        } else if (selection.markerId && doc?.markers.some((m) => m.id === selection.markerId)) {
          editor.run(commands.removeMarker, { id: selection.markerId });
        } else if (selection.checkpointId && doc?.checkpoints.some((c) => c.id === selection.checkpointId)) {
          editor.run(commands.removeCheckpoint, { id: selection.checkpointId });
        }
      },
    }),
    [doc, editor, here, onAddQuestion, player, select, selection],
  );
  return { selection, ...actions };
}
