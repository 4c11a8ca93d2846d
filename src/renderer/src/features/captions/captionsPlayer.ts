import { useSyncExternalStore } from 'react';

/** What the captions editor needs of the editor's player (the editor feature's LessonPlayer is one). */
export interface CaptionsPlayer {
  getState: () => { readonly lessonMs: number; readonly sourceMs: number; readonly playing: boolean };
  subscribe: (listener: () => void) => () => void;
  toggle: () => void;
  pause: () => void;
  seek: (lessonMs: number) => void;
}

export function usePlayhead<T>(
  player: CaptionsPlayer,
  select: (state: ReturnType<CaptionsPlayer['getState']>) => T,
): T {
  return useSyncExternalStore(player.subscribe, () => select(player.getState()));
}

/**
 * Keys every caption field shares, so the teacher never leaves the keyboard: Ctrl+Space plays or pauses, Alt+←
 * replays the last three seconds. Answers whether the key was one of them.
 */
export function playbackKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean },
  player: CaptionsPlayer,
): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key === ' ') {
    player.toggle();
    return true;
  }
  if (event.altKey && !event.shiftKey && event.key === 'ArrowLeft' && !(event.ctrlKey || event.metaKey)) {
    player.seek(Math.max(0, player.getState().lessonMs - REPLAY_MS));
    return true;
  }
  return false;
}

export const REPLAY_MS = 3_000;
