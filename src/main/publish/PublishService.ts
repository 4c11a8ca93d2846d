import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Contract, ServiceHandlers } from '@shared/contract';
import type { PublishJob } from '@shared/contract/publish';
import { StudioError } from '@shared/contract/result';
import { exportBaseName, type PublishSettings } from '@shared/publish/options';
import type { EventHub } from '../rpc/eventHub';
import { buildPackage, type BuildStage } from './build';
import { LAUNCH_PAGE, type PlanAssets } from './plan';
import { locateSchemaRoot, outDir } from './schemas';
import { isUpToDate, takeSnapshot, type SnapshotSource } from './snapshot';
import { Cancelled } from './write';

type Input<K extends keyof Contract['publish']['calls']> = Parameters<ServiceHandlers<Contract['publish']>[K]>[0];

export interface PublishDeps {
  readonly events: EventHub<Contract>;
  readonly source: SnapshotSource;
  /** Where the player bundle and schema files are; found beside the built main by default. */
  readonly assets?: () => PlanAssets;
  /** Electron's shell.showItemInFolder; absent in the browser host and the CLI. */
  readonly reveal?: (file: string) => void;
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

interface RunningJob {
  job: PublishJob;
  readonly controller: AbortController;
  file: string | null;
}

/** Publishing as a job: an id, progress at most ten times a second, cancel with nothing left behind. */
export class PublishService implements ServiceHandlers<Contract['publish']> {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly deps: PublishDeps) {}

  async options(input: Input<'options'>) {
    const { source } = this.deps;
    const [info, document, renders] = await Promise.all([
      source.getLesson(input.lessonId),
      source.openDocument(input.lessonId),
      source.listRenders(input.lessonId),
    ]);
    return {
      defaults: {
        title: info.lesson.title,
        description: '',
        language: 'en',
        version: '1.0',
        masteryPercent: document.rules.masteryPercent,
        completion: document.rules.completion,
      },
      renditions: renders.map((render) => ({
        renderId: render.id,
        label: render.label,
        width: render.width,
        height: render.height,
        sizeBytes: render.sizeBytes,
        upToDate: isUpToDate(render, document),
      })),
      checkpointCount: document.checkpoints.length,
    };
  }

  async start(input: Input<'start'>): Promise<{ jobId: string }> {
    const { lessonId, ...settings } = input;
    const snapshot = await takeSnapshot(this.deps.source, lessonId, settings);
    const assets = (this.deps.assets ?? defaultAssets)();
    const folder = path.join(this.deps.source.mediaRoot, snapshot.lesson.projectId, 'exports');
    fs.mkdirSync(folder, { recursive: true });
    const name = freeName(
      folder,
      exportBaseName(settings.title, settings.format, settings.version),
      settings.format === 'web' ? '' : '.zip',
    );
    const jobId = randomUUID();
    const running: RunningJob = {
      job: { jobId, lessonId, state: 'running', stage: 'preparing', fraction: 0, output: null, error: null },
      controller: new AbortController(),
      file: null,
    };
    this.jobs.set(jobId, running);
    void this.run(
      running,
      snapshot,
      assets,
      path.join(folder, name),
      `${snapshot.lesson.projectId}/exports/${name}`,
      settings,
    );
    return { jobId };
  }

  cancel(input: Input<'cancel'>): Record<string, never> {
    this.running(input.jobId).controller.abort();
    return {};
  }

  status(input: Input<'status'>): PublishJob {
    return this.running(input.jobId).job;
  }

  reveal(input: Input<'reveal'>): { shown: boolean } {
    const running = this.running(input.jobId);
    if (running.file === null) throw new StudioError('conflict', 'That export has not finished');
    if (!this.deps.reveal) return { shown: false };
    this.deps.reveal(running.file);
    return { shown: true };
  }

  /** For shutdown: every running build stops and removes its part. */
  cancelAll(): void {
    for (const running of this.jobs.values()) running.controller.abort();
  }

  private async run(
    running: RunningJob,
    snapshot: Parameters<typeof buildPackage>[0],
    assets: PlanAssets,
    out: string,
    relative: string,
    settings: PublishSettings,
  ): Promise<void> {
    let lastEmit = 0;
    const update = (change: Partial<PublishJob>, force = false) => {
      running.job = { ...running.job, ...change };
      const now = Date.now();
      if (force || now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        this.deps.events.emit('publish', 'onDidProgress', running.job);
      }
    };
    let stage: BuildStage = 'preparing';
    try {
      const { sizeBytes } = await buildPackage(snapshot, out, {
        assets,
        signal: running.controller.signal,
        onProgress: (next, fraction) => {
          const changed = next !== stage;
          stage = next;
          if (next !== 'done') update({ stage: next, fraction }, changed);
        },
      });
      if (settings.format === 'classServer') {
        await this.toClassServer(running, out, sizeBytes, settings, update);
        return;
      }
      running.file = settings.format === 'web' ? path.join(out, LAUNCH_PAGE) : out;
      const kind = settings.format === 'web' ? ('folder' as const) : ('zip' as const);
      update(
        {
          state: 'done',
          stage: 'done',
          fraction: 1,
          output: { path: relative, name: path.basename(out), kind, sizeBytes },
        },
        true,
      );
    } catch (error) {
      if (error instanceof Cancelled || running.controller.signal.aborted) update({ state: 'cancelled' }, true);
      else update({ state: 'failed', error: error instanceof Error ? error.message : String(error) }, true);
    }
  }

  /** The zip was only the way there: it is removed once on the server, and on failure or cancel alike. */
  private async toClassServer(
    running: RunningJob,
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
        { lessonId: running.job.lessonId, title: settings.title },
        {
          signal: running.controller.signal,
          onBytes: (sent, total) => update({ fraction: total > 0 ? sent / total : 1 }),
        },
      );
      update(
        {
          state: 'done',
          stage: 'done',
          fraction: 1,
          output: {
            path: '',
            name: settings.title,
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

  private running(jobId: string): RunningJob {
    const running = this.jobs.get(jobId);
    if (!running) throw new StudioError('not_found', 'That publish job is unknown (the app may have restarted)');
    return running;
  }
}

/** forces-scorm12-1-0.zip, then forces-scorm12-1-0-2.zip …: an earlier export is never overwritten. */
function freeName(folder: string, base: string, extension: string): string {
  let name = `${base}${extension}`;
  for (let n = 2; fs.existsSync(path.join(folder, name)) || fs.existsSync(path.join(folder, `${name}.part`)); n += 1)
    name = `${base}-${n}${extension}`;
  return name;
}
