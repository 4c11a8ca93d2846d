import type { Render, Rendition } from '@shared/media/renders';
import { planRender, type RenderOptions, type RenderPlan } from '@shared/render/renderPlan';
import { mediaUrl, studio } from '../../studio';
import { CutCancelledError, runCut } from './cut/runCut';
import type { EncoderPreference } from '@shared/render/encoderQuality';
import { encodeFallingBackToSoftware, HardwareEncoderFailedError } from './softwareFallback';
import type { FromWorker, RenderOutcome, ToWorker } from './protocol';

export interface RenderResult {
  readonly render: Render;
  readonly outcome: RenderOutcome;
  readonly elapsedMs: number;
}

export interface RenderHandle {
  readonly result: Promise<RenderResult>;
  /** Stops the job at once; main removes the partial file. The result then rejects with RenderCancelledError. */
  cancel(): void;
}

export interface RenderCallbacks {
  /** The render is planned; called again if it starts over in software after a hardware encoder failed. */
  onPlanned?(plan: RenderPlan): void;
  /** Lesson milliseconds done; unthrottled (the caller's meter throttles). */
  onProgress?(doneMs: number): void;
}

export class RenderCancelledError extends Error {
  override readonly name = 'RenderCancelledError';
  constructor() {
    super('The render was cancelled');
  }
}

/**
 * Renders the lesson as it is now. A render that only cuts is copied by main, where the bytes are (this page
 * re-encodes only the frames before each cut's first keyframe); anything else is encoded in a Worker, this page
 * forwarding its positioned writes to main. The lesson itself is never written.
 */
export function startRender(
  lessonId: string,
  rendition: Rendition,
  options: RenderOptions = {},
  callbacks: RenderCallbacks = {},
): RenderHandle {
  let cancelled = false;
  // Read through a function: `cancel` sets it while the awaits below are pending, which narrowing cannot see.
  const isCancelled = () => cancelled;
  let stop: () => void = () => undefined;
  const result = (async () => {
    const startedAt = performance.now();
    const document = await studio.editor.open({ lessonId });
    const take = (await studio.takes.list({ lessonId, view: 'active' })).find(
      (candidate) => candidate.id === document.takeId,
    );
    if (!take) throw new Error('The lesson’s take is no longer there');
    const plan = planRender(document, take, rendition, options);
    callbacks.onPlanned?.(plan);
    if (isCancelled()) throw new RenderCancelledError();
    const record = {
      lessonId,
      takeId: take.id,
      revision: document.revision,
      label: plan.label,
      extension: plan.extension,
      burnedCaptions: plan.captions ? { language: plan.captions.language, key: plan.captions.key } : null,
    };
    let { renderId } = await studio.renders.start(record);
    let note = plan.fastPath.applies ? null : plan.fastPath.reason;
    if (plan.fastPath.applies) {
      const prepared = await studio.cuts.prepare({ kind: 'render', renderId, rendition });
      if (prepared.state === 'cut') {
        const outcome = await copied(prepared.cutId, prepared.pieces, callbacks, (cancel) => {
          stop = () => {
            cancel();
            cancelRender(renderId);
          };
          if (isCancelled()) stop();
        }).catch((error: unknown) => {
          cancelRender(renderId);
          throw error instanceof CutCancelledError ? new RenderCancelledError() : error;
        });
        const render = await studio.renders.finish({ renderId });
        return { render, outcome, elapsedMs: performance.now() - startedAt };
      }
      if (prepared.state === 'refused') note = prepared.reason;
    }
    const outcome = await encodeFallingBackToSoftware(
      (encoder) =>
        encodeInWorker({ plan, renderId, note, encoder }, callbacks, (stopWorker) => {
          stop = stopWorker;
          if (isCancelled()) stopWorker();
        }),
      async () => {
        // The failed attempt's file is gone (main removed it); the render starts again as a new one.
        ({ renderId } = await studio.renders.start(record));
        // Cancelled while the new render was being made: it ends here, before a Worker is started for it.
        if (isCancelled()) {
          cancelRender(renderId);
          throw new RenderCancelledError();
        }
        // Planned again: whoever meters the job starts from nothing, not from the failed attempt's start.
        callbacks.onPlanned?.(plan);
      },
      isCancelled,
    );
    if (isCancelled()) throw new RenderCancelledError();
    const render = await studio.renders.finish({ renderId });
    return { render, outcome, elapsedMs: performance.now() - startedAt };
  })();
  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stop();
    },
  };
}

/** Ends a render's job in main, which removes its partial file; a render already ended is no error. */
function cancelRender(renderId: string): void {
  void studio.renders.cancel({ renderId }).catch(() => undefined);
}

/**
 * Encodes the render in a Worker, this page forwarding its positioned writes to main. `onStop` is given what stops
 * it at once (the result then rejects with RenderCancelledError). On any failure main removes the partial file.
 */
function encodeInWorker(
  job: { plan: RenderPlan; renderId: string; note: string | null; encoder: EncoderPreference },
  callbacks: RenderCallbacks,
  onStop: (stop: () => void) => void,
): Promise<RenderOutcome> {
  const { plan, renderId } = job;
  return new Promise<RenderOutcome>((resolve, reject) => {
    const worker = new Worker(new URL('./render.worker.ts', import.meta.url), {
      type: 'module',
      name: `render ${plan.label}`,
    });
    onStop(() => {
      worker.terminate();
      cancelRender(renderId);
      reject(new RenderCancelledError());
    });
    const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
    let writes: Promise<void> = Promise.resolve();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      cancelRender(renderId);
      reject(new Error(event.message || 'The render stopped unexpectedly'));
    });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'write') {
        // One after another: several are in flight, and a later write may cover bytes an earlier one wrote.
        writes = writes
          .then(() => studio.renders.write({ renderId, position: message.position, data: message.data }))
          .then(
            // The buffer goes back to the Worker to be filled again, not left for this page's collector.
            () => send({ type: 'written', id: message.id, data: message.data }, [message.data.buffer]),
            (error: unknown) =>
              send({
                type: 'write-failed',
                id: message.id,
                message: error instanceof Error ? error.message : String(error),
              }),
          );
      } else if (message.type === 'progress') callbacks.onProgress?.(message.doneMs);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(message.outcome);
        else {
          cancelRender(renderId);
          reject(
            message.hardwareEncoder ? new HardwareEncoderFailedError(message.message) : new Error(message.message),
          );
        }
      }
    });
    send({ type: 'start', plan, urls: urlsOf(plan), note: job.note, encoder: job.encoder });
  });
}

/** Main copies the render; this page re-encodes only the pieces at cuts. */
async function copied(
  cutId: string,
  pieces: Parameters<typeof runCut>[1],
  callbacks: RenderCallbacks,
  onCancel: (cancel: () => void) => void,
): Promise<RenderOutcome> {
  const cut = runCut(cutId, pieces, { onProgress: (ms) => callbacks.onProgress?.(ms) });
  onCancel(() => cut.cancel());
  const outcome = await cut.result;
  const sound = outcome.sound === 'copied' ? 'copied' : null;
  return outcome.method === 'smart'
    ? { method: 'smart', note: null, reencodedFrames: outcome.reencodedFrames, sound }
    : { method: 'copy', note: null, sound };
}

/** Absolute addresses: a worker resolves relative ones against its own script, not the page. */
function urlsOf(plan: RenderPlan): Record<string, string> {
  const paths = [plan.video?.screen.path, plan.bubble?.camera.path, plan.audio?.file.path].filter(
    (path): path is string => path !== undefined,
  );
  return Object.fromEntries(paths.map((path) => [path, new URL(mediaUrl(path), window.location.href).href]));
}
