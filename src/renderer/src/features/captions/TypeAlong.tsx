import { useState, type KeyboardEvent } from 'react';
import { Label, TextArea, TextField } from 'react-aria-components';
import { typedCueTimes, type PlacedCue } from '@shared/captions/placement';
import * as commands from '@shared/editor/commands';
import type { LessonDocument } from '@shared/editor/document';
import { formatTimecode } from '@shared/timeline';
import type { Editor } from '../../lib/lessonEditing';
import { playbackKey, usePlayhead, type CaptionsPlayer } from './captionsPlayer';
import styles from './CaptionsPanel.module.css';

interface TypeAlongProps {
  doc: LessonDocument;
  editor: Editor;
  player: CaptionsPlayer;
  trackId: string;
  cues: readonly PlacedCue[];
}

/**
 * Captioning while the lesson plays: type what was said, press Enter, and it becomes a caption from where the last
 * one ended to the playhead; the lesson keeps playing and the field is ready for the next line.
 */
export function TypeAlong({ doc, editor, player, trackId, cues }: TypeAlongProps) {
  const [text, setText] = useState('');
  const [from, setFrom] = useState<number | null>(null);
  const playhead = usePlayhead(player, (state) => Math.round(state.lessonMs / 100) * 100);
  const lastEnd = cues.filter((cue) => !cue.removed && cue.lessonStart <= playhead).at(-1)?.lessonEnd;
  const start =
    from ?? (lastEnd !== undefined && lastEnd <= playhead && playhead - lastEnd < 5_000 ? lastEnd : playhead);

  function add() {
    const said = text.trim();
    if (said === '') return;
    const times = typedCueTimes(doc.editList, start, player.getState().lessonMs);
    if (!times) return;
    const ran = editor.run(commands.addCue, { id: crypto.randomUUID(), trackId, ...times, text: said });
    if (!ran) return;
    setText('');
    setFrom(Math.max(player.getState().lessonMs, start + 1));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (playbackKey(event, player)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      add();
    }
  }

  return (
    <TextField
      className={styles.typeAlong}
      value={text}
      onChange={(value) => {
        if (text === '' && from === null) setFrom(start);
        setText(value);
      }}
    >
      <Label className={styles.label}>Type along from {formatTimecode(start)}</Label>
      <TextArea className={styles.textarea} rows={2} onKeyDown={onKeyDown} onBlur={() => setFrom(null)} />
      <p className={styles.keys}>
        <kbd>Enter</kbd> adds the caption up to the playhead · <kbd>Ctrl</kbd>+<kbd>Space</kbd> plays or pauses ·{' '}
        <kbd>Alt</kbd>+<kbd>←</kbd> replays 3 seconds
      </p>
    </TextField>
  );
}
