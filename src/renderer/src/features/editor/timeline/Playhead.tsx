import { useEffect } from 'react';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { usePlayerState } from '../playback/usePlayer';
import type { TimelineView } from './useTimelineView';
import styles from './Playhead.module.css';

/** The playhead line; while playing, the timeline scrolls to keep it in view. */
export function Playhead({ view, player }: { view: TimelineView; player: LessonPlayer }) {
  const lessonMs = usePlayerState(player, (state) => state.lessonMs);
  const playing = usePlayerState(player, (state) => state.playing);
  const { reveal } = view;
  useEffect(() => {
    if (playing) reveal(lessonMs);
  }, [lessonMs, playing, reveal]);
  return (
    <div
      className={styles.playhead}
      style={{ transform: `translateX(${lessonMs * view.pxPerMs}px)` }}
      aria-hidden="true"
    />
  );
}
