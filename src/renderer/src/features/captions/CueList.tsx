import { useRef } from 'react';
import type { PlacedCue } from '@shared/captions/placement';
import type { Editor } from '../../lib/lessonEditing';
import { usePlayhead, type CaptionsPlayer } from './captionsPlayer';
import { CueRow } from './CueRow';
import styles from './CaptionsPanel.module.css';

interface CueListProps {
  cues: readonly PlacedCue[];
  editor: Editor;
  player: CaptionsPlayer;
  label: string;
}

/** Every caption of the track in lesson order, the one playing marked; Enter in one moves to the next. */
export function CueList({ cues, editor, player, label }: CueListProps) {
  const sourceMs = usePlayhead(player, (state) => state.sourceMs);
  const list = useRef<HTMLOListElement>(null);

  function focusCue(index: number) {
    const fields = list.current?.querySelectorAll<HTMLTextAreaElement>('textarea');
    const next = fields?.[index];
    if (!next) return;
    next.focus();
    next.setSelectionRange(next.value.length, next.value.length);
  }

  if (cues.length === 0) return <p className="hint">No captions on this track yet.</p>;
  return (
    <ol ref={list} className={styles.cues} aria-label={label}>
      {cues.map((cue, index) => (
        <CueRow
          key={cue.id}
          cue={cue}
          editor={editor}
          player={player}
          isCurrent={!cue.removed && cue.sourceStart <= sourceMs && sourceMs < cue.sourceEnd}
          isLast={index === cues.length - 1}
          onNext={() => focusCue(index + 1)}
        />
      ))}
    </ol>
  );
}
