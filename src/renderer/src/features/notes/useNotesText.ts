import { useCallback, useEffect, useRef, useState } from 'react';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../../lib/lessonEditing';

/** How long the teacher may pause typing before the text is saved as a step of the lesson. */
const SAVE_DELAY_MS = 400;

/**
 * The notes' text as typed, saved into the lesson document a moment after each pause (and at once on leaving the
 * field, which also ends the undo step), as one undo step per run of typing. Undo and redo, or another window,
 * replace the text shown.
 */
export function useNotesText(editor: Editor, saved: string) {
  const [text, setText] = useState(saved);
  const committed = useRef(saved);
  const pending = useRef(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editorRef = useRef(editor);
  editorRef.current = editor;

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    if (value === committed.current) return;
    if (editorRef.current.run(commands.setNotes, { source: value })) committed.current = value;
  }, []);

  useEffect(() => {
    if (saved !== committed.current && timer.current === null) {
      committed.current = saved;
      pending.current = saved;
      setText(saved);
    }
  }, [saved]);

  // Leaving the tab or the editor mid-pause still saves what was typed.
  useEffect(() => flush, [flush]);

  const change = useCallback(
    (value: string) => {
      setText(value);
      pending.current = value;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  const leave = useCallback(() => {
    flush();
    editorRef.current.seal();
  }, [flush]);

  return { text, change, leave };
}
