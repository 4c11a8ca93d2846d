import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReadonlyEditList } from '@shared/timeline';
import { createLessonPlayer, type LessonPlayer, type PlayerState } from './lessonPlayer';

/** One player for the editor's lifetime, following the edit list as it changes. */
export function usePlayer(editList: ReadonlyEditList | null): LessonPlayer {
  const [player] = useState(createLessonPlayer);
  useEffect(() => () => player.dispose(), [player]);
  useEffect(() => {
    if (editList) player.setEditList(editList);
  }, [player, editList]);
  return player;
}

/** The player's state, re-rendering only the components that read it (the playhead, the clock, the overlay). */
export function usePlayerState<T>(player: LessonPlayer, select: (state: PlayerState) => T): T {
  return useSyncExternalStore(player.subscribe, () => select(player.getState()));
}
