import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import type { PublishJob } from '../../src/shared/contract/publish';
import type { CheckpointInput } from '../../src/shared/checkpoints';
import type { LessonDocument } from '../../src/shared/editor/document';
import type { PublishFormat, PublishSettings } from '../../src/shared/publish/options';
import type { HostFixture } from '../fixtures';
import { lessonWithTake, screenFixture } from '../support/editorLesson';
import { rpc } from '../support/rpc';

export const QUESTION_ONE = '11111111-aaaa-4aaa-8aaa-000000000001';
export const QUESTION_TWO = '11111111-aaaa-4aaa-8aaa-000000000002';

/**
 * A 12 s lesson with two questions (a choice at 3 s, true/false at 8 s) and one render of its current revision, made
 * through the real calls: the take through the recording calls, the render through renders.start/write/finish with
 * an ffmpeg-made MP4 of the lesson's length (the render pipeline has its own tests).
 */
export const FORCES_QUESTIONS: readonly CheckpointInput[] = [
  {
    id: QUESTION_ONE,
    type: 'single',
    sourceMs: 3000,
    prompt: 'Which force pulls things down?',
    choices: [
      { id: 'a', text: 'Friction', correct: false },
      { id: 'b', text: 'Gravity', correct: true },
      { id: 'c', text: 'Magnetism', correct: false },
    ],
  },
  { id: QUESTION_TWO, type: 'trueFalse', sourceMs: 8000, prompt: 'A push is a force.', answer: true },
];

export async function publishableLesson(
  host: HostFixture,
  title = 'Forces & <motion> "🎓"',
  questions: readonly CheckpointInput[] = FORCES_QUESTIONS,
  inProject?: string,
): Promise<{ lessonId: string; renderId: string; projectId: string }> {
  const screen = screenFixture();
  const { lessonId, takeId, projectId } = await lessonWithTake(host, { screen }, title, inProject);
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  const { revision } = await rpc<{ revision: number }>(host, 'app:editor.apply', {
    takeId,
    baseRevision: document.revision,
    upsertCheckpoints: questions,
  });
  const renderId = await renderRevision(host, lessonId, takeId, revision);
  return { lessonId, renderId, projectId };
}

async function renderRevision(host: HostFixture, lessonId: string, takeId: string, revision: number): Promise<string> {
  const { renderId } = await rpc<{ renderId: string }>(host, 'app:renders.start', {
    lessonId,
    takeId,
    revision,
    label: '360p',
    extension: 'mp4',
  });
  await rpc(host, 'app:renders.write', {
    renderId,
    position: 0,
    data: new Uint8Array(fs.readFileSync(screenFixture())),
  });
  await rpc(host, 'app:renders.finish', { renderId });
  return renderId;
}

export async function publishOverRpc(
  host: HostFixture,
  lessonId: string,
  renderId: string,
  format: PublishFormat,
  overrides: Partial<PublishSettings> = {},
): Promise<{ job: PublishJob; file: string }> {
  const { jobId } = await rpc<{ jobId: string }>(host, 'app:publish.start', {
    lessonId,
    format,
    video: 'renders',
    renderIds: [renderId],
    title: 'Forces & <motion> "🎓"',
    description: '',
    language: 'en',
    version: '1.0',
    masteryPercent: 80,
    completion: { minWatchedPercent: 90, requireAllRequiredCheckpoints: true },
    ...overrides,
  });
  for (;;) {
    const job = await rpc<PublishJob>(host, 'app:publish.status', { jobId });
    if (job.state === 'failed') throw new Error(`publish failed: ${job.error ?? ''}`);
    if (job.state === 'done' && job.output)
      return { job, file: path.join(host.dataDir, 'media', ...job.output.path.split('/')) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Unzips as an LMS would, into a fresh temp folder. */
export async function unzip(file: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-lms-'));
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const target = path.join(dir, ...entry.fileName.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip
          .openReadStreamPromise(entry)
          .then((stream) => stream.pipe(fs.createWriteStream(target)).on('close', () => zip.readEntry()))
          .catch(reject);
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return dir;
}
