import type { Rendition } from '@shared/media/renders';
import { renderQueue } from '../render/queueInstance';
import { RenderCancelledError } from '../render/startRender';
import { followJobs, type RenderFirstProgress } from './followJobs';

export interface RenderFirst {
  /** The finished renders' ids; rejects with RenderCancelledError when cancelled, or with the failure. */
  readonly done: Promise<readonly string[]>;
  cancel(): void;
}

/**
 * Renders the lesson in these sizes before a `renders` package is built: jobs in the window's one render queue, so
 * they also show under Renders and are cancelled with the window. Cancelling stops them and keeps no file.
 */
export function renderFirst(
  lessonId: string,
  renditions: readonly Rendition[],
  onProgress: (progress: RenderFirstProgress) => void,
): RenderFirst {
  const ids = renderQueue.enqueue(lessonId, renditions);
  let off: () => void = () => undefined;
  const done = new Promise<readonly string[]>((resolve, reject) => {
    const check = () => {
      const followed = followJobs(renderQueue.getSnapshot(), ids);
      if (followed.state === 'running') {
        onProgress(followed);
        return;
      }
      off();
      if (followed.state === 'done') resolve(followed.renderIds);
      else if (followed.state === 'cancelled') reject(new RenderCancelledError());
      else reject(new Error(followed.error));
    };
    const unsubscribe = renderQueue.subscribe(check);
    off = () => void unsubscribe();
    check();
  });
  return {
    done,
    cancel() {
      for (const id of ids) renderQueue.cancel(id);
    },
  };
}
