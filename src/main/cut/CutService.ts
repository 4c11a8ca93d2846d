import fs from 'node:fs';
import path from 'node:path';
import type { CallContext, Contract, Input, ServiceHandlers } from '@shared/contract';
import type { CutOutcome, CutPiece, EncodedPiece } from '@shared/contract/cuts';
import { StudioError } from '@shared/contract/result';
import type { LessonDocument } from '@shared/editor/document';
import type { Take } from '@shared/media/takes';
import type { Render } from '@shared/media/renders';
import { planRender } from '@shared/render/renderPlan';
import { createLessonMap } from '@shared/timeline/mapping';
import type { StudioLog } from '../logging/log';
import type { EventHub } from '../rpc/eventHub';
import type { JobRegistry, Job } from '../jobs/JobRegistry';
import { probeMedia } from '../recording/mediaFile';
import { inMedia, layerOutputs, openOutputs, renderOutputs, type RoledOutput } from './cutPlan';
import { reorderProblem, type FileCut } from './fileCut';
import { findLayers, keepLayers, layerSources, layersFolder, layersKey, layersProblem, type LayerFile } from './layers';
import { writeCut } from './writeCut';

export interface CutDeps {
  readonly events: EventHub<Contract>;
  readonly mediaRoot: string;
  readonly jobs: JobRegistry;
  openDocument(lessonId: string): LessonDocument;
  take(takeId: string): Take;
  /** A running render's row and the part file main may write it to. */
  renderPart(renderId: string): { render: Render; part: string };
  /** Where each cut's stages are told (`npm run bench` prints them). */
  readonly log?: Pick<StudioLog, 'info'>;
}

interface Session {
  readonly job: Job;
  readonly cuts: readonly FileCut[];
  readonly outputs: readonly RoledOutput[];
  readonly pieces: readonly CutPiece[];
  readonly encoded: Map<number, EncodedPiece>;
  readonly durationMs: number;
  readonly planMs: number;
  /** When `prepare` answered: from then to `run` the page re-encodes the pieces at cuts. */
  readonly preparedAt: number;
  /** Layers: the part folder, renamed into place when every file is written. */
  readonly layers: { readonly take: Take; readonly key: string; readonly part: string } | null;
  running: boolean;
}

const PROGRESS_EVERY_MS = 100;

/**
 * Cuts without re-encoding, in main, where the bytes are: the take is read and the output written straight to disk
 * (mediabunny in Node), never through the renderer. Only the frames before each kept part's first keyframe are
 * re-encoded, by the renderer's WebCodecs encoder: `prepare` hands them over, `supply` takes them back, `run` writes.
 */
export class CutService implements ServiceHandlers<Contract['cuts']> {
  private readonly sessions = new Map<string, Session>();
  /** Per file (path and size: take files never change), whether its frames are stored in order. */
  private readonly reordered = new Map<string, Promise<string | null>>();

  constructor(private readonly deps: CutDeps) {}

  async prepare(input: Input<'cuts', 'prepare'>, context?: CallContext) {
    const started = performance.now();
    if (input.kind === 'layers') {
      const document = this.deps.openDocument(input.lessonId);
      const take = this.deps.take(document.takeId);
      if (findLayers(this.deps.mediaRoot, document, take)) return { state: 'ready' as const };
      return this.open(document, take, null, context, started);
    }
    const { render, part } = this.deps.renderPart(input.renderId);
    const document = this.deps.openDocument(render.lessonId);
    if (document.takeId !== render.takeId || document.revision !== render.revision)
      throw new StudioError('conflict', 'The lesson changed after this render began; render it again');
    const take = this.deps.take(render.takeId);
    const plan = planRender(document, take, input.rendition);
    if (!plan.fastPath.applies) return { state: 'refused' as const, reason: plan.fastPath.reason };
    return this.open(
      document,
      take,
      { part, screen: plan.video?.screen.path, sound: plan.audio?.file.path },
      context,
      started,
    );
  }

  /**
   * Why the lesson's take cannot be cut into layers, or null: its codecs, then (read once per file) frames stored
   * out of order. The publish dialog offers the recording only when this is null.
   */
  async problem(lessonId: string): Promise<string | null> {
    const take = this.deps.take(this.deps.openDocument(lessonId).takeId);
    const byCodec = layersProblem(take);
    if (byCodec) return byCodec;
    const { picture, camera } = layerSources(take);
    for (const file of [picture, camera]) {
      if (!file) continue;
      const key = `${file.path}:${file.sizeBytes}`;
      let known = this.reordered.get(key);
      if (!known) {
        known = reorderProblem(this.absolute(file.path), file.role).catch((error: unknown) => {
          this.reordered.delete(key);
          throw error;
        });
        this.reordered.set(key, known);
      }
      const problem = await known;
      if (problem) return problem;
    }
    return null;
  }

  supply(input: Input<'cuts', 'supply'>): Record<string, never> {
    const session = this.session(input.cutId);
    const piece = session.pieces.find((candidate) => candidate.index === input.index);
    if (!piece) throw new StudioError('invalid_input', 'That cut has no such part to re-encode');
    if (input.packets.length !== piece.frames.length)
      throw new StudioError(
        'invalid_input',
        `A re-encoded part must hold ${piece.frames.length} frames; this one holds ${input.packets.length}`,
      );
    session.encoded.set(input.index, input);
    return {};
  }

  async run(input: Input<'cuts', 'run'>): Promise<CutOutcome> {
    const session = this.session(input.cutId);
    if (session.running) throw new StudioError('conflict', 'That cut is already running');
    const missing = session.pieces.filter((piece) => !session.encoded.has(piece.index));
    if (missing.length > 0)
      throw new StudioError('conflict', `${missing.length} part(s) before cuts have not been re-encoded yet`);
    session.running = true;
    const { job } = session;
    const started = performance.now();
    let lastEmit = 0;
    const done = new Map<string, number>();
    const emit = (force: boolean) => {
      const now = performance.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      const doneMs = Math.min(...session.outputs.map((output) => done.get(output.target) ?? 0), session.durationMs);
      this.deps.events.emit('cuts', 'onDidProgress', {
        cutId: job.id,
        doneMs: Math.max(0, doneMs),
        durationMs: session.durationMs,
      });
    };
    try {
      const ways = await Promise.all(
        session.outputs.map((output) =>
          writeCut(output, session.encoded, {
            signal: job.signal,
            onProgress: (ms) => {
              done.set(output.target, ms);
              emit(false);
            },
          }),
        ),
      );
      if (job.signal.aborted) throw new StudioError('conflict', 'The cut was cancelled');
      if (session.layers) await this.keep(session);
      emit(true);
      job.end('done');
      const outcome: CutOutcome = {
        method: session.pieces.length > 0 ? 'smart' : 'copy',
        reencodedFrames: session.pieces.reduce((sum, piece) => sum + piece.frames.length, 0),
        sound: session.outputs.some((output) => output.audio) ? 'copied' : 'none',
        timings: { planMs: session.planMs, copyMs: performance.now() - started },
      };
      const ms = (value: number) => `${Math.round(value)} ms`;
      this.deps.log?.info(
        `Cut ${job.id} (${outcome.method}, ${outcome.reencodedFrames} frames re-encoded): open ${ms(outcome.timings.planMs)}, page re-encoding ${ms(started - session.preparedAt)}, copy ${ms(outcome.timings.copyMs)} (${ways.join(', ')})`,
      );
      return outcome;
    } catch (error) {
      this.discard(session);
      job.end(job.signal.aborted ? 'cancelled' : 'failed');
      if (job.signal.aborted) throw new StudioError('conflict', 'The cut was cancelled');
      throw error;
    } finally {
      this.close(session);
    }
  }

  cancel(input: Input<'cuts', 'cancel'>): Record<string, never> {
    const session = this.sessions.get(input.cutId);
    if (session) this.deps.jobs.cancel(session.job.id);
    return {};
  }

  private async open(
    document: LessonDocument,
    take: Take,
    render: { part: string; screen: string | undefined; sound: string | undefined } | null,
    context: CallContext | undefined,
    started: number,
  ) {
    const spans = createLessonMap(document.editList).spans;
    const plan = render
      ? renderOutputs(take, render)
      : layerOutputs(this.deps.mediaRoot, take, layersKey(document, take));
    const cuts: FileCut[] = [];
    const dispose = () => {
      for (const cut of cuts) cut.input.dispose();
    };
    try {
      const opened = await openOutputs(this.deps.mediaRoot, plan, spans, cuts);
      if (typeof opened === 'string') {
        dispose();
        return { state: 'refused' as const, reason: opened };
      }
      const { outputs, pieces } = opened;
      if (plan.folder) fs.mkdirSync(plan.folder, { recursive: true });
      const job = this.deps.jobs.begin({
        kind: 'cut',
        owner: context?.caller,
        parts: plan.folder ? [plan.folder] : [],
        onCancel: () => {
          const session = this.sessions.get(job.id);
          if (session && !session.running) {
            this.discard(session);
            this.close(session);
            job.end('cancelled');
          }
        },
      });
      const durationMs = createLessonMap(document.editList).duration;
      this.sessions.set(job.id, {
        job,
        cuts,
        outputs,
        pieces,
        encoded: new Map(),
        durationMs,
        planMs: performance.now() - started,
        preparedAt: performance.now(),
        layers: plan.folder ? { take, key: layersKey(document, take), part: plan.folder } : null,
        running: false,
      });
      return { state: 'cut' as const, cutId: job.id, pieces, durationMs };
    } catch (error) {
      dispose();
      throw error;
    }
  }

  private async keep(session: Session): Promise<void> {
    const layers = session.layers;
    if (!layers) return;
    const files: LayerFile[] = [];
    for (const output of session.outputs) {
      const facts = await probeMedia(output.target);
      const relative = `${layersFolder(layers.take, layers.key)}/${path.basename(output.target)}`;
      files.push({ role: output.role, path: relative, ...pick(facts) });
    }
    keepLayers(this.deps.mediaRoot, layers.take, layers.part, { key: layers.key, files });
  }

  private discard(session: Session): void {
    if (session.layers) fs.rmSync(session.layers.part, { recursive: true, force: true });
  }

  private close(session: Session): void {
    this.sessions.delete(session.job.id);
    for (const cut of session.cuts) cut.input.dispose();
  }

  private session(cutId: string): Session {
    const session = this.sessions.get(cutId);
    if (!session || session.job.signal.aborted)
      throw new StudioError('conflict', 'That cut is not open (it finished, was cancelled, or the app restarted)');
    return session;
  }

  private absolute(relative: string): string {
    return inMedia(this.deps.mediaRoot, relative);
  }
}

function pick(facts: Awaited<ReturnType<typeof probeMedia>>) {
  const { width, height, videoCodec, audioCodec, durationMs, sizeBytes } = facts;
  return { width, height, videoCodec, audioCodec, durationMs, sizeBytes };
}
