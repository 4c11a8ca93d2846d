import { useEffect, useRef } from 'react';
import type { LessonPackage } from '@shared/player';
import { createStandaloneAdapter, storageKey, type KeyValueStorage } from '@player/standaloneAdapter';
import { mountPlayer } from '@player/ui/player';
import '@player/ui/player.css';

/** Where "Keep progress" is remembered, so a reload tests resume with the toggle still on. */
export const KEEP_PROGRESS_KEY = 'flipside:preview:keep-progress';

function memoryStorage(): KeyValueStorage {
  const memory = new Map<string, string>();
  return { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) };
}

/** Forgets what a kept preview stored for the lesson, so the next one starts from the beginning. */
export function forgetPreviewProgress(lessonId: string): void {
  window.sessionStorage.removeItem(storageKey(lessonId));
}

/**
 * Mounts the real learner player into the returned element. Each mount gets its own adapter: in memory unless the
 * teacher keeps progress, then sessionStorage, which lives as long as this tab (a reload included) and no longer.
 * `generation` remounts on demand (start over); `showTitle` false leaves the title to the page around the player.
 */
export function useMountedPlayer(lesson: LessonPackage, keepProgress: boolean, generation: number, showTitle = true) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    const storage = keepProgress ? window.sessionStorage : memoryStorage();
    const adapter = createStandaloneAdapter({ storage, lessonId: lesson.id });
    const mounted = mountPlayer(element, lesson, adapter, { showTitle });
    return () => mounted.destroy();
  }, [lesson, keepProgress, generation, showTitle]);
  return root;
}
