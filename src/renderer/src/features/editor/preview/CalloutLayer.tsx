import { useMemo, type RefObject } from 'react';
import type { Callout } from '@shared/editor/document';
import { createLessonMap, type ReadonlyEditList } from '@shared/timeline';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../useEditor';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { usePlayerState } from '../playback/usePlayer';
import { CalloutShape } from './CalloutShape';
import styles from './CalloutLayer.module.css';

interface CalloutLayerProps {
  callouts: readonly Callout[];
  /** A callout never shows where the lesson is cut, as learners never see it there. */
  editList: ReadonlyEditList;
  editor: Editor;
  player: LessonPlayer;
  frame: RefObject<HTMLElement | null>;
  frameSize: { width: number; height: number };
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The callouts showing at the playhead (and the selected one, so it can be placed), over the frame; none where the
 * playhead is in a cut or the trim, and never one wholly inside a cut, as in the lesson.
 */
export function CalloutLayer({
  callouts,
  editList,
  editor,
  player,
  frame,
  frameSize,
  selectedId,
  onSelect,
}: CalloutLayerProps) {
  const map = useMemo(() => createLessonMap(editList), [editList]);
  const activeKey = usePlayerState(player, (state) =>
    map.sourceToLesson(state.sourceMs).kind === 'removed'
      ? ''
      : callouts
          .filter((callout) => callout.sourceStart <= state.sourceMs && state.sourceMs < callout.sourceEnd)
          .map((callout) => callout.id)
          .join(),
  );
  const shown = useMemo(() => {
    const active = new Set(activeKey.split(','));
    // The selected one shows wherever the playhead is, so it can be placed, unless the lesson never shows it at all.
    const inLesson = (callout: Callout) =>
      map.spans.some((span) => callout.sourceStart < span.sourceEnd && span.sourceStart < callout.sourceEnd);
    return callouts.filter((callout) => active.has(callout.id) || (callout.id === selectedId && inLesson(callout)));
  }, [activeKey, callouts, selectedId, map]);

  return (
    <div className={styles.layer}>
      {shown.map((callout) => (
        <CalloutShape
          key={callout.id}
          callout={callout}
          frame={frame}
          frameSize={frameSize}
          isSelected={callout.id === selectedId}
          onSelect={() => onSelect(callout.id)}
          onMove={(x, y) => editor.run(commands.moveCallout, { id: callout.id, x, y })}
          onResize={(box) => editor.run(commands.resizeCallout, { id: callout.id, box })}
        />
      ))}
    </div>
  );
}
