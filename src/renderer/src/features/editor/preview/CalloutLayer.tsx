import { useMemo, type RefObject } from 'react';
import type { Callout } from '@shared/editor/document';
import { calloutsOnPicture } from '@shared/editor/calloutsOnPicture';
import type { ReadonlyEditList } from '@shared/timeline';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../useEditor';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { usePlayerState } from '../playback/usePlayer';
import { CalloutShape } from './CalloutShape';
import styles from './CalloutLayer.module.css';

interface CalloutLayerProps {
  callouts: readonly Callout[];
  /** A callout wholly inside a cut is never drawn, as learners never see it. */
  editList: ReadonlyEditList;
  editor: Editor;
  player: LessonPlayer;
  frame: RefObject<HTMLElement | null>;
  frameSize: { width: number; height: number };
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The callouts showing at the playhead (and the selected one, so it can be placed), over the frame. */
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
  const shownKey = usePlayerState(player, (state) =>
    calloutsOnPicture(editList, callouts, state.sourceMs, selectedId)
      .map((callout) => callout.id)
      .join(),
  );
  const shown = useMemo(() => {
    const ids = new Set(shownKey.split(','));
    return callouts.filter((callout) => ids.has(callout.id));
  }, [shownKey, callouts]);

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
