import { useSyncExternalStore } from 'react';
import { createRenderQueue, type RenderJob } from './renderQueue';

/** The window's one render queue, like the window's one studio client: jobs keep running while the teacher moves around. */
export const renderQueue = createRenderQueue();

// A job cannot outlive its window: cancelling removes the partial file now rather than at main's next start.
window.addEventListener('pagehide', () => renderQueue.cancelAll());

export function useRenderJobs(lessonId: string): readonly RenderJob[] {
  const jobs = useSyncExternalStore(renderQueue.subscribe, renderQueue.getSnapshot);
  return jobs.filter((job) => job.lessonId === lessonId);
}
