import { useMemo, type RefObject } from 'react';
import type { Callout } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../useEditor';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { usePlayerState } from '../playback/usePlayer';
import { CalloutShape } from './CalloutShape';
import styles from './CalloutLayer.module.css';

interface CalloutLayerProps {
  callouts: readonly Callout[];
  editor: Editor;
  player: LessonPlayer;
  frame: RefObject<HTMLElement | null>;
  frameSize: { width: number; height: number };
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The callouts showing at the playhead (and the selected one, so it can be placed), over the frame. */
export function CalloutLayer({ callouts, editor, player, frame, frameSize, selectedId, onSelect }: CalloutLayerProps) {
  const activeKey = usePlayerState(player, (state) =>
    callouts
      .filter((callout) => callout.sourceStart <= state.sourceMs && state.sourceMs < callout.sourceEnd)
      .map((callout) => callout.id)
      .join(),
  );
  const shown = useMemo(() => {
    const active = new Set(activeKey.split(','));
    return callouts.filter((callout) => active.has(callout.id) || callout.id === selectedId);
  }, [activeKey, callouts, selectedId]);

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
