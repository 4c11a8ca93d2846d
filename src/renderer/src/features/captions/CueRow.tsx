import { type KeyboardEvent } from 'react';
import { Label, TextArea, TextField } from 'react-aria-components';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { PlacedCue } from '@shared/captions/placement';
import * as commands from '@shared/editor/commands';
import { formatTimecode, formatTimecodeRange } from '@shared/timeline';
import type { Editor } from '../../lib/lessonEditing';
import { Button, IconButton } from '../../ui/Button';
import { ActionMenu } from '../../ui/Menu';
import { playbackKey, type CaptionsPlayer } from './captionsPlayer';
import styles from './CaptionsPanel.module.css';

/** How far one nudge moves a caption; with Shift, ten times as far. */
export const NUDGE_MS = 100;

interface CueRowProps {
  cue: PlacedCue;
  editor: Editor;
  player: CaptionsPlayer;
  isCurrent: boolean;
  isLast: boolean;
  onNext: () => void;
}

/**
 * One caption: its times (a button that plays from there), its text, nudges and the rest in a menu. In the text,
 * Enter goes to the next caption and Alt+↑ / Alt+↓ move this one earlier or later.
 */
export function CueRow({ cue, editor, player, isCurrent, isLast, onNext }: CueRowProps) {
  const nudge = (ms: number) =>
    editor.run(commands.setCueTimes, { id: cue.id, sourceStart: cue.sourceStart + ms, sourceEnd: cue.sourceEnd + ms });
  const playhead = () => player.getState().sourceMs;

  function onKeyDown(event: KeyboardEvent) {
    if (playbackKey(event, player)) {
      event.preventDefault();
      return;
    }
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      nudge((event.key === 'ArrowUp' ? -1 : 1) * NUDGE_MS * (event.shiftKey ? 10 : 1));
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      editor.seal();
      onNext();
    }
  }

  const time = formatTimecode(cue.lessonStart);
  return (
    <li className={styles.cue} data-current={isCurrent || undefined} data-removed={cue.removed || undefined}>
      <div className={styles.cueHead}>
        <Button size="sm" variant="ghost" aria-label={`Play from ${time}`} onPress={() => player.seek(cue.lessonStart)}>
          <span className={styles.cueTime}>{formatTimecodeRange(cue.lessonStart, cue.lessonEnd)}</span>
        </Button>
        {cue.removed && <span className={styles.flag}>Cut out: learners will not see it</span>}
        <span className={styles.grow} />
        <IconButton aria-label={`Show the caption at ${time} earlier`} onPress={() => nudge(-NUDGE_MS)}>
          <ChevronLeft size={15} aria-hidden="true" />
        </IconButton>
        <IconButton aria-label={`Show the caption at ${time} later`} onPress={() => nudge(NUDGE_MS)}>
          <ChevronRight size={15} aria-hidden="true" />
        </IconButton>
        <ActionMenu
          label={`More for the caption at ${time}`}
          actions={[
            { id: 'split', label: 'Split at the playhead' },
            { id: 'start', label: 'Start at the playhead' },
            { id: 'end', label: 'End at the playhead' },
            { id: 'join', label: 'Join with the next caption', isDisabled: isLast },
            { id: 'delete', label: 'Delete caption', isDanger: true, separatorBefore: true },
          ]}
          onAction={(id) => {
            if (id === 'split')
              editor.run(commands.splitCue, { id: cue.id, newId: crypto.randomUUID(), at: playhead() });
            if (id === 'start')
              editor.run(commands.setCueTimes, { id: cue.id, sourceStart: playhead(), sourceEnd: cue.sourceEnd });
            if (id === 'end')
              editor.run(commands.setCueTimes, { id: cue.id, sourceStart: cue.sourceStart, sourceEnd: playhead() });
            if (id === 'join') editor.run(commands.mergeCueWithNext, { id: cue.id });
            if (id === 'delete') editor.run(commands.removeCue, { id: cue.id });
          }}
        />
      </div>
      <TextField
        className={styles.cueField}
        value={cue.text}
        onChange={(text) => editor.run(commands.editCueText, { id: cue.id, text })}
        onBlur={editor.seal}
      >
        <Label className="visually-hidden">Caption at {time}</Label>
        <TextArea className={styles.cueText} rows={Math.min(3, cue.text.split('\n').length)} onKeyDown={onKeyDown} />
      </TextField>
    </li>
  );
}
