import fs from 'node:fs';
import path from 'node:path';
import type { CallContext, Contract, Input, ServiceHandlers } from '@shared/contract';
import type { PublishJob } from '@shared/contract/publish';
import type { LessonDocument } from '@shared/editor/document';
import type { PublishRecord } from '@shared/publish/history';
import { StudioError } from '@shared/contract/result';
import { packageExtension } from '@shared/publish/history';
import { exportBaseName, type PublishSettings } from '@shared/publish/options';
import type { EventHub } from '../rpc/eventHub';
import { buildPackage, type BuildStage } from './build';
import type { PlanAssets } from './plan';
import { locateSchemaRoot, outDir } from './schemas';
import { takeSnapshot, type SnapshotSource } from './snapshot';
import { Cancelled } from './write';
import { JobRegistry, type Job } from '../jobs/JobRegistry';
import { reserveOutput, type ReservedOutput } from '../jobs/outputs';
import type { PublishedEntry, PublishHistory } from './history';
import { publishOptions } from './publishOptions';

/**
 * A class-server package is only the way to the server, and nobody reads its dates: built at one fixed time, an
 * unchanged lesson builds byte for byte the same, so an upload a closed studio left goes on where it stopped.
 */
const CLASS_SERVER_BUILD_TIME = Date.UTC(2025, 0, 1);

export interface PublishDeps {
  readonly events: EventHub<Contract>;
  readonly source: SnapshotSource;
  /** The studio's registry; standing alone (a test), the service has its own. */
  readonly jobs?: JobRegistry;
  /** Where the player bundle and schema files are; found beside the built main by default. */
  readonly assets?: () => PlanAssets;
  /** Where finished publishes are listed; standing alone (a test without a library), nothing is kept. */
  readonly history?: PublishHistory;
  /** Sends a built class-server package to the class server (ClassServerService.upload). */
  readonly upload?: (
    zip: string,
    info: { lessonId: string; title: string },
    options: { signal: AbortSignal; onBytes: (sent: number, total: number) => void },
  ) => Promise<{ lesson: { url: string }; version: number }>;
}

/** The player bundle the build wrote (out/player) and the schema files it copied (out/publish-schemas). */
export function defaultAssets(): PlanAssets {
  const out = outDir() ?? path.join(process.cwd(), 'out');
  const playerDir = path.join(out, 'player');
  if (!fs.existsSync(path.join(playerDir, 'index.html')))
    throw new StudioError('internal', `The learner player is missing from ${playerDir}; run npm run build`);
  return { playerDir, schemaRoot: locateSchemaRoot() };
}

const PROGRESS_EVERY_MS = 100;

interface PublishDetail {
  state: PublishJob;
}

/**
 * Publishing as a job in the studio's registry: an id, progress at most ten times a second, an output name
 * reserved before the first byte, cancel with nothing left behind. Ended jobs are answered for a while, then pruned.
 */
export class PublishService implements ServiceHandlers<Contract['publish']> {
  private readonly jobs: JobRegistry;

  constructor(private readonly deps: PublishDeps) {
    this.jobs = deps.jobs ?? new JobRegistry();
  }

  options(input: Input<'publish', 'options'>) {
    return publishOptions(this.deps.source, this.deps.history, input.lessonId);
  }

  async start(input: Input<'publish', 'start'>, context?: CallContext): Promise<{ jobId: string }> {
    const { lessonId, ...settings } = input;
    const snapshot = await takeSnapshot(
      this.deps.source,
      lessonId,
      settings,
      settings.format === 'classServer' ? () => CLASS_SERVER_BUILD_TIME : Date.now,
    );
    const assets = (this.deps.assets ?? defaultAssets)();
    const exportsPath = `${snapshot.lesson.projectId}/exports`;
    const { history } = this.deps;
    const target = reserveOutput(
      path.join(this.deps.source.mediaRoot, ...exportsPath.split('/')),
      exportBaseName(settings.title, settings.format, settings.version),
      settings.format === 'web' ? '' : `.${packageExtension(settings.format)}`,
      settings.format === 'web' ? 'folder' : 'file',
      // A name the history still lists is never reused, so deleting that entry can only remove its own package.
      (out) => history?.holds(`${exportsPath}/${path.basename(out)}`) ?? false,
    );
    let job: Job<PublishDetail>;
    try {
      job = this.jobs.begin<PublishDetail>(
        { kind: 'publish', owner: context?.caller, parts: [target.part] },
        (jobId) => ({ state: pending(jobId, lessonId) }),
      );
    } catch (error) {
      fs.rmSync(target.part, { recursive: true, force: true });
      throw error;
    }
    const relative = `${exportsPath}/${path.basename(target.out)}`;
    void this.run(job, snapshot, assets, target, relative, settings);
    return { jobId: job.id };
  }

  cancel(input: Input<'publish', 'cancel'>): Record<string, never> {
    this.publishJob(input.jobId);
    this.jobs.cancel(input.jobId);
    return {};
  }

  status(input: Input<'publish', 'status'>): PublishJob {
    return this.publishJob(input.jobId).detail.state;
  }

  async history(input: Input<'publish', 'history'>): Promise<PublishRecord[]> {
    if (!this.deps.history) return [];
    await this.deps.source.getLesson(input.lessonId);
    return this.deps.history.list(input.lessonId, await this.currentDocument(input.lessonId));
  }

  remove(input: Input<'publish', 'remove'>): Record<string, never> {
    if (!this.deps.history) throw new StudioError('not_found', 'That publish is no longer in the history');
    const { lessonId } = this.deps.history.remove(input.id);
    this.deps.events.emit('publish', 'onDidChangeHistory', { lessonId });
    return {};
  }

  private async run(
    job: Job<PublishDetail>,
    snapshot: Parameters<typeof buildPackage>[0],
    assets: PlanAssets,
    target: ReservedOutput,
    relative: string,
    settings: PublishSettings,
  ): Promise<void> {
    let lastEmit = 0;
    const update = (change: Partial<PublishJob>, force = false) => {
      job.detail.state = { ...job.detail.state, ...change };
      const now = Date.now();
      if (force || now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        this.deps.events.emit('publish', 'onDidProgress', job.detail.state);
      }
    };
    const out = target.out;
    let stage: BuildStage = 'preparing';
    try {
      const { sizeBytes } = await buildPackage(snapshot, target, {
        assets,
        signal: job.signal,
        onProgress: (next, fraction) => {
          const changed = next !== stage;
          stage = next;
          if (next !== 'done') update({ stage: next, fraction }, changed);
        },
      });
      if (settings.format === 'classServer') {
        await this.toClassServer(job, out, sizeBytes, settings, update);
        const { output } = job.detail.state;
        this.remember(snapshot, {
          kind: 'classServer',
          path: null,
          sizeBytes,
          ...(output?.lessonUrl === undefined ? {} : { url: output.lessonUrl }),
          ...(output?.version === undefined ? {} : { serverVersion: output.version }),
        });
        job.end('done');
        return;
      }
      const kind = settings.format === 'web' ? ('folder' as const) : ('zip' as const);
      // Listed before the job says done, so the lesson screen and the done view never disagree about it.
      this.remember(snapshot, { kind, path: relative, sizeBytes });
      update(
        {
          state: 'done',
          stage: 'done',
          fraction: 1,
          output: { path: relative, name: path.basename(out), format: settings.format, kind, sizeBytes },
        },
        true,
      );
      job.end('done');
    } catch (error) {
      // The builders remove the part on every failure; this covers a throw before they began.
      fs.rmSync(target.part, { recursive: true, force: true });
      // An upload stopped by cancel throws the signal's reason rather than Cancelled.
      const cancelled = error instanceof Cancelled || job.signal.aborted;
      if (cancelled) update({ state: 'cancelled' }, true);
      else update({ state: 'failed', error: error instanceof Error ? error.message : String(error) }, true);
      job.end(cancelled ? 'cancelled' : 'failed');
    }
  }

  /** Adds the finished publish to the lesson's history, with the settings and document it was built from. */
  private remember(
    snapshot: Parameters<typeof buildPackage>[0],
    where: Pick<PublishedEntry, 'kind' | 'path' | 'sizeBytes' | 'url' | 'serverVersion'>,
  ): void {
    const { history } = this.deps;
    if (!history) return;
    const { settings } = snapshot;
    history.record({
      lessonId: snapshot.lesson.id,
      format: settings.format,
      title: settings.title,
      version: settings.version,
      document: snapshot.document,
      publishedAt: Date.now(),
      ...where,
    });
    this.deps.events.emit('publish', 'onDidChangeHistory', { lessonId: snapshot.lesson.id });
  }

  /** The zip was only the way there: it is removed once on the server, and on failure or cancel alike. */
  private async toClassServer(
    job: Job<PublishDetail>,
    zip: string,
    sizeBytes: number,
    settings: PublishSettings,
    update: (change: Partial<PublishJob>, force?: boolean) => void,
  ): Promise<void> {
    try {
      if (!this.deps.upload)
        throw new StudioError('internal', 'This studio has no class server connection to publish to');
      update({ stage: 'uploading', fraction: 0 }, true);
      const published = await this.deps.upload(
        zip,
        { lessonId: job.detail.state.lessonId, title: settings.title },
        { signal: job.signal, onBytes: (sent, total) => update({ fraction: total > 0 ? sent / total : 1 }) },
      );
      update(
        {
          state: 'done',
          stage: 'done',
          fraction: 1,
          output: {
            path: '',
            name: settings.title,
            format: 'classServer',
            kind: 'classServer',
            sizeBytes,
            lessonUrl: published.lesson.url,
            version: published.version,
          },
        },
        true,
      );
    } finally {
      fs.rmSync(zip, { force: true });
    }
  }

  /** The lesson's document now; null when it has no recording left to have one (each publish then differs). */
  private async currentDocument(lessonId: string): Promise<LessonDocument | null> {
    try {
      return await this.deps.source.openDocument(lessonId);
    } catch (error) {
      if (error instanceof StudioError && error.code === 'conflict') return null;
      throw error;
    }
  }

  private publishJob(jobId: string): Job<PublishDetail> {
    const job = this.jobs.find<PublishDetail>(jobId, 'publish');
    if (!job) throw new StudioError('not_found', 'That publish job is unknown (the app may have restarted)');
    return job;
  }
}

function pending(jobId: string, lessonId: string): PublishJob {
  return { jobId, lessonId, state: 'running', stage: 'preparing', fraction: 0, output: null, error: null };
}
