import type { RenderProgress } from '@shared/render/progress';

/** What this needs of the render queue's jobs (RenderJob), kept apart so it is tested without a browser. */
export interface QueuedJob {
  readonly id: number;
  readonly label: string;
  readonly state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  readonly progress: RenderProgress | null;
  readonly render: { readonly id: string } | null;
  readonly error: string | null;
}

/** Where the renders made for a publish stand, as the dialog shows it. */
export interface RenderFirstProgress {
  /** 0..1 over all the sizes. */
  readonly fraction: number;
  /** "Rendering 720p (1 of 2)…". */
  readonly label: string;
  /** Wall-clock milliseconds left on the size being rendered; null until known. */
  readonly etaMs: number | null;
}

export type FollowedJobs =
  | ({ readonly state: 'running' } & RenderFirstProgress)
  | { readonly state: 'done'; readonly renderIds: readonly string[] }
  | { readonly state: 'failed'; readonly error: string }
  | { readonly state: 'cancelled' };

/** Sums up the queue's jobs with these ids: running until all are done, failed or cancelled as soon as one is. */
export function followJobs(jobs: readonly QueuedJob[], ids: readonly number[]): FollowedJobs {
  const mine = ids.map((id) => jobs.find((job) => job.id === id));
  if (mine.some((job) => job === undefined || job.state === 'cancelled')) return { state: 'cancelled' };
  const present = mine.filter((job): job is QueuedJob => job !== undefined);
  const failed = present.find((job) => job.state === 'failed');
  if (failed)
    return { state: 'failed', error: `The ${failed.label} render failed: ${failed.error ?? 'no reason given'}` };
  const renderIds = present.flatMap((job) => (job.state === 'done' && job.render ? [job.render.id] : []));
  if (renderIds.length === present.length) return { state: 'done', renderIds };
  const index = present.findIndex((job) => job.state !== 'done');
  const current = present[index];
  const share = current?.state === 'running' ? (current.progress?.percent ?? 0) / 100 : 0;
  const counted = present.length > 1 ? ` (${index + 1} of ${present.length})` : '';
  return {
    state: 'running',
    fraction: (index + share) / present.length,
    label: `Rendering ${current?.label ?? ''}${counted}…`,
    etaMs: current?.state === 'running' ? (current.progress?.etaMs ?? null) : null,
  };
}
