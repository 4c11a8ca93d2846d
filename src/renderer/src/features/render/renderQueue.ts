import type { Render, Rendition } from '@shared/media/renders';
import { createProgressMeter, type RenderProgress } from '@shared/render/progress';
import { renditionLabel } from '@shared/render/renditions';
import type { RenderOptions } from '@shared/render/renderPlan';
import type { RenderOutcome } from './protocol';
import { RenderCancelledError, startRender, type RenderHandle } from './startRender';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RenderJob {
  readonly id: number;
  readonly lessonId: string;
  readonly rendition: Rendition;
  readonly options: RenderOptions;
  readonly label: string;
  readonly state: JobState;
  readonly progress: RenderProgress | null;
  readonly outcome: RenderOutcome | null;
  readonly render: Render | null;
  readonly error: string | null;
  readonly elapsedMs: number | null;
}

type Start = typeof startRender;

/**
 * Renders run one after another (each uses the whole encoder); the queue outlives the screen that filled it so the
 * teacher can keep editing, and cancels whatever is left when the window goes away.
 */
export function createRenderQueue(start: Start = startRender, now: () => number = () => performance.now()) {
  let jobs: readonly RenderJob[] = [];
  let nextId = 1;
  let running: { id: number; handle: RenderHandle } | null = null;
  const listeners = new Set<() => void>();

  const update = (id: number, change: Partial<RenderJob>) => {
    jobs = jobs.map((job) => (job.id === id ? { ...job, ...change } : job));
    listeners.forEach((listener) => listener());
  };

  const pump = () => {
    if (running) return;
    const job = jobs.find((candidate) => candidate.state === 'queued');
    if (!job) return;
    let meter: ReturnType<typeof createProgressMeter> | null = null;
    const handle = start(job.lessonId, job.rendition, job.options, {
      onPlanned: (plan) => {
        meter = createProgressMeter(plan.durationMs, now());
        update(job.id, { progress: meter.read(0, now()) });
      },
      onProgress: (doneMs) => {
        const progress = meter?.update(doneMs, now());
        if (progress) update(job.id, { progress });
      },
    });
    running = { id: job.id, handle };
    update(job.id, { state: 'running' });
    handle.result
      .then(
        (result) =>
          update(job.id, {
            state: 'done',
            render: result.render,
            outcome: result.outcome,
            elapsedMs: result.elapsedMs,
          }),
        (error: unknown) =>
          update(
            job.id,
            error instanceof RenderCancelledError
              ? { state: 'cancelled' }
              : { state: 'failed', error: error instanceof Error ? error.message : String(error) },
          ),
      )
      .finally(() => {
        running = null;
        pump();
      });
  };

  return {
    getSnapshot: () => jobs,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Adds a job per rendition and answers their ids, so a caller can follow its own jobs. */
    enqueue(lessonId: string, renditions: readonly Rendition[], options: RenderOptions = {}): number[] {
      const added = renditions.map((rendition): RenderJob => ({
        id: nextId++,
        lessonId,
        rendition,
        options,
        label: renditionLabel(rendition),
        state: 'queued',
        progress: null,
        outcome: null,
        render: null,
        error: null,
        elapsedMs: null,
      }));
      jobs = [...jobs, ...added];
      listeners.forEach((listener) => listener());
      pump();
      return added.map((job) => job.id);
    },
    cancel(id: number) {
      if (running?.id === id) {
        running.handle.cancel();
        return;
      }
      const job = jobs.find((candidate) => candidate.id === id);
      if (job?.state === 'queued') update(id, { state: 'cancelled' });
    },
    /** Takes a finished, failed or cancelled job off the panel. */
    dismiss(id: number) {
      jobs = jobs.filter((job) => job.id !== id || job.state === 'queued' || job.state === 'running');
      listeners.forEach((listener) => listener());
    },
    cancelAll() {
      for (const job of jobs) if (job.state === 'queued') update(job.id, { state: 'cancelled' });
      running?.handle.cancel();
    },
  };
}
