import { useEffect } from 'react';
import type { Editor } from './useEditor';
import type { EditorActions } from './useEditorActions';
import { FRAME_MS, type LessonPlayer } from './playback/lessonPlayer';

/** The shortcuts, as the keyboard help lists them. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Space', 'Play or pause'],
  ['J / K / L', 'Play backwards / pause / play; press J or L again to go faster'],
  ['← / →', 'One frame back / forward'],
  ['Shift + ← / →', 'One second back / forward'],
  ['I / O', 'Mark where a part starts / ends, to cut it or hide the camera there'],
  ['S', 'Split at the playhead'],
  ['Delete', 'Cut the selected part or section, or delete the selected callout, key moment or question'],
  ['M', 'Add a key moment at the playhead'],
  ['Q', 'Add a question at the playhead'],
  ['← / →', 'On a selected question: move it a tenth of a second; with Shift, a second'],
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Shift + Ctrl/⌘ + Z', 'Redo'],
  ['Ctrl + Y', 'Redo'],
  ['↑ ↓ ← →', 'On a selected callout: move it on the picture; with Shift, ten times further'],
  ['↑ ↓ ← →', 'On the camera bubble: move it; with Shift, five times further'],
];

const TYPING = 'input, textarea, select, [contenteditable="true"], [role="slider"], [role="dialog"] *';

/**
 * One keydown listener on the window while the editor is open, so the shortcuts work wherever focus is; typing in
 * a field, a slider or a dialog, and keys a focused control already handled, are left alone.
 */
export function useEditorKeys(editor: Editor, actions: EditorActions, player: LessonPlayer, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement;
      if (event.defaultPrevented || target.closest(TYPING)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const handled = (run: () => void) => {
        event.preventDefault();
        run();
      };
      if (mod && key === 'z') return handled(event.shiftKey ? editor.redo : editor.undo);
      if (mod && key === 'y') return handled(editor.redo);
      if (mod || event.altKey) return;
      const step = (ms: number) => {
        player.pause();
        player.seek(player.getState().lessonMs + ms);
      };
      switch (key) {
        case ' ':
          if (target.closest('button, a, [role="menuitem"]')) return;
          return handled(player.toggle);
        case 'j':
          return handled(() => player.shuttle(-1));
        case 'k':
          return handled(() => player.shuttle(0));
        case 'l':
          return handled(() => player.shuttle(1));
        case 'arrowleft':
          return handled(() => step(event.shiftKey ? -1000 : -FRAME_MS));
        case 'arrowright':
          return handled(() => step(event.shiftKey ? 1000 : FRAME_MS));
        case 'i':
          return handled(actions.setIn);
        case 'o':
          return handled(actions.setOut);
        case 's':
          return handled(actions.split);
        case 'm':
          return handled(actions.addMarker);
        case 'q':
          return handled(actions.addQuestion);
        case 'delete':
        case 'backspace':
          return handled(actions.deleteSelection);
        case 'escape':
          return handled(actions.clearSelection);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, editor, player, enabled]);
}
