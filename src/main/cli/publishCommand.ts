import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import type { StudioClient } from '@shared/contract';
import type { PublishJob } from '@shared/contract/publish';
import { StudioError } from '@shared/contract/result';
import { cartridgeLessonsSchema, courseScopeSchema, FORMAT_LABELS, publishFormatSchema } from '@shared/publish/options';
import type { Studio } from '../studio';
import { checkDestination, deliver } from './deliver';
import { renderLesson } from './renderCommand';
import { Interrupted, type CommandIo } from './io';

export interface PublishOptions {
  readonly lessonId: string;
  readonly format: string;
  readonly out: string;
  readonly force: boolean;
  /** "project": a cmi5 course of every lesson of the project (the others need up-to-date renders of their own). */
  readonly course: string;
  /** A Common Cartridge's lessons: link (to the class server), linkOrWeb, or web. */
  readonly lessons: string;
}

/**
 * `flipside publish`: the app's own publish job (`PublishService`, through the typed client), from the lesson's
 * up-to-date renders. With none, it renders 720p first with the render command (headless Chromium); that render
 * stays in the library like one made in the app. Progress goes to stderr; Ctrl+C cancels and leaves nothing.
 */
export async function publishLesson(
  studio: Studio,
  client: StudioClient,
  options: PublishOptions,
  io: CommandIo,
): Promise<void> {
  const format = publishFormatSchema.safeParse(options.format);
  if (!format.success)
    throw new StudioError(
      'invalid_input',
      `--format must be scorm12, scorm2004, cmi5, web or cc, not “${options.format}”`,
    );
  const lessons = cartridgeLessonsSchema.safeParse(options.lessons);
  if (!lessons.success)
    throw new StudioError('invalid_input', `--lessons must be link, linkOrWeb or web, not “${options.lessons}”`);
  const course = courseScopeSchema.safeParse(options.course);
  if (!course.success)
    throw new StudioError('invalid_input', `--course must be lesson or project, not “${options.course}”`);
  if (course.data === 'project' && format.data !== 'cmi5')
    throw new StudioError(
      'invalid_input',
      '--course project needs --format cmi5: only a cmi5 course holds several lessons',
    );
  const kind = format.data === 'web' ? 'folder' : 'file';
  const out = path.resolve(options.out);
  checkDestination(out, kind, options.force);
  const first = await client.publish.options({ lessonId: options.lessonId });
  let { defaults, renditions } = first;
  if (format.data === 'cc') {
    // A cartridge is the whole project: it takes the project's title, and every lesson's newest up-to-date renders.
    const { project } = await client.lessons.get({ id: options.lessonId });
    const job = await followPublish(client, io, () =>
      client.publish.start({
        ...defaults,
        lessonId: options.lessonId,
        title: project.title,
        description: project.description,
        format: 'cc',
        video: 'renders',
        renderIds: [],
        cartridgeLessons: lessons.data,
      }),
    );
    await finish(
      studio,
      job,
      { out, kind, force: options.force, label: FORMAT_LABELS.cc },
      io,
      `${String(first.cartridgeLessons.length)} lessons`,
    );
    return;
  }
  if (!renditions.some((rendition) => rendition.upToDate)) {
    io.stderr('no up-to-date render of this lesson: rendering 720p first');
    await renderLesson(
      studio,
      { lessonId: options.lessonId, out: null, height: '720', force: false, captions: false, burnCaptions: null },
      io,
    );
    ({ defaults, renditions } = await client.publish.options({ lessonId: options.lessonId }));
  }
  const ready = renditions.filter((rendition) => rendition.upToDate);
  // One per label, newest first (the list is newest first), so a re-render replaces its older twin.
  const chosen = ready.filter(
    (rendition, index) => ready.findIndex((other) => other.label === rendition.label) === index,
  );
  if (chosen.length === 0)
    throw new StudioError(
      'conflict',
      'this lesson has no up-to-date render; render it in the app or with flipside render',
    );

  const job = await followPublish(client, io, () =>
    client.publish.start({
      ...defaults,
      lessonId: options.lessonId,
      format: format.data,
      video: 'renders',
      renderIds: chosen.map((rendition) => rendition.renderId),
      courseScope: course.data,
    }),
  );
  await finish(
    studio,
    job,
    { out, kind, force: options.force, label: FORMAT_LABELS[format.data] },
    io,
    chosen.map((rendition) => rendition.label).join(' + '),
  );
}

/** Moves the finished export to --out and says what was made. */
async function finish(
  studio: Studio,
  job: PublishJob,
  { out, kind, force, label }: { out: string; kind: 'file' | 'folder'; force: boolean; label: string },
  io: CommandIo,
  what: string,
): Promise<void> {
  if (job.state === 'cancelled') throw new Interrupted();
  if (job.state !== 'done' || !job.output) throw new StudioError('internal', job.error ?? 'publishing failed');
  const made = path.join(studio.mediaRoot, ...job.output.path.split('/'));
  const files = await countFiles(made, kind);
  await deliver(made, out, { kind, force, keepSource: false, jobs: studio.jobs });
  io.stderr(`${label}: ${files} files, ${what}, ${(job.output.sizeBytes / 1_000_000).toFixed(1)} MB`);
  io.stdout(out);
}

/**
 * Starts a publish job and follows its events to the end, printing progress about every tenth; Ctrl+C (the io's
 * signal) cancels the job, which then ends `cancelled` with its part removed.
 */
async function followPublish(
  client: StudioClient,
  io: CommandIo,
  start: () => Promise<{ jobId: string }>,
): Promise<PublishJob> {
  const seen: PublishJob[] = [];
  let settle: ((job: PublishJob) => void) | null = null;
  let jobId: string | null = null;
  let lastTenth = -1;
  let checking = false;
  const onEvent = (job: PublishJob) => {
    if (jobId === null) return void seen.push(job);
    if (job.jobId !== jobId) return;
    if (job.state === 'running') {
      const tenth = Math.floor(job.fraction * 10);
      if (job.stage === 'writing' && tenth > lastTenth) {
        lastTenth = tenth;
        io.stderr(`writing ${tenth * 10}%`);
      } else if (job.stage === 'checking' && !checking) {
        checking = true;
        io.stderr('checking the package');
      }
    } else settle?.(job);
  };
  const unsubscribe = client.publish.onDidProgress(onEvent);
  const cancel = () => {
    if (jobId) void client.publish.cancel({ jobId }).catch(() => undefined);
  };
  io.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const ended = new Promise<PublishJob>((resolve) => {
      settle = resolve;
    });
    ({ jobId } = await start());
    for (const job of seen.splice(0)) onEvent(job);
    if (io.signal?.aborted) cancel();
    const now = await client.publish.status({ jobId });
    if (now.state !== 'running') return now;
    return await ended;
  } finally {
    io.signal?.removeEventListener('abort', cancel);
    unsubscribe();
  }
}

async function countFiles(made: string, kind: 'file' | 'folder'): Promise<number> {
  if (kind === 'folder')
    return fs.readdirSync(made, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  const zip = await yauzl.openPromise(made, { lazyEntries: true, autoClose: false });
  try {
    return zip.entryCount;
  } finally {
    zip.close();
  }
}
