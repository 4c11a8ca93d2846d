import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { contract } from '@shared/contract';
import type { PublishJob } from '@shared/contract/publish';
import { EventHub } from '../rpc/eventHub';
import { JobRegistry } from '../jobs/JobRegistry';
import { PublishService } from './PublishService';
import { fakeAssets, tempDir, testSnapshot } from './testPackage.testkit';

/** A publish service over a frozen test lesson whose render is a real file under the media root. */
function publishing(videoBytes = 200_000) {
  const root = tempDir();
  onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }));
  const snapshot = testSnapshot(root, {}, videoBytes);
  const mediaRoot = path.join(root, 'media');
  const [render] = snapshot.renders;
  if (!render) throw new Error('the test snapshot has a render');
  fs.mkdirSync(path.join(mediaRoot, 'p', 'renders'), { recursive: true });
  fs.copyFileSync(render.file, path.join(mediaRoot, 'p', 'renders', 'r.mp4'));
  const events = new EventHub(contract);
  const jobs = new JobRegistry();
  const service = new PublishService({
    events,
    jobs,
    assets: () => fakeAssets(root),
    source: {
      mediaRoot,
      openDocument: () => snapshot.document,
      listRenders: () => [render],
      getLesson: () => ({ lesson: snapshot.lesson, project: snapshot.project }),
      listNoteFiles: () => [],
      listLessons: () => [snapshot.lesson],
      findLayers: () => null,
      layersProblem: () => null,
    },
  });
  const ended = (jobId: string) =>
    new Promise<PublishJob>((resolve) => {
      const stop = events.listen((channel, payload) => {
        const job = payload as PublishJob;
        if (channel === 'app:publish.onDidProgress' && job.jobId === jobId && job.state !== 'running') {
          stop();
          resolve(job);
        }
      });
    });
  const exports = path.join(mediaRoot, snapshot.lesson.projectId, 'exports');
  const settings = { ...snapshot.settings, lessonId: snapshot.lesson.id };
  return { service, jobs, ended, exports, settings };
}

describe('PublishService', () => {
  it('gives two publishes of one title, started together, their own names: no shared .part, both whole', async () => {
    const { service, ended, exports, settings } = publishing();
    const [first, second] = await Promise.all([service.start(settings), service.start(settings)]);
    const jobs = await Promise.all([ended(first.jobId), ended(second.jobId)]);
    expect(jobs.map((job) => [job.state, job.output?.name])).toEqual([
      ['done', 'forces-scorm12-1-0.zip'],
      ['done', 'forces-scorm12-1-0-2.zip'],
    ]);
    expect(fs.readdirSync(exports).sort()).toEqual(['forces-scorm12-1-0-2.zip', 'forces-scorm12-1-0.zip']);
    expect(fs.statSync(path.join(exports, 'forces-scorm12-1-0.zip')).size).toBe(jobs[0].output?.sizeBytes);
  });

  it('is awaited by closing the registry: the running build stops and leaves no part', async () => {
    const { service, jobs, exports, settings } = publishing(64_000_000);
    const { jobId } = await service.start(settings);
    expect(fs.readdirSync(exports)).toEqual(['forces-scorm12-1-0.zip.part']);
    await jobs.closeAll();
    expect(service.status({ jobId }).state).toBe('cancelled');
    expect(fs.readdirSync(exports)).toEqual([]);
  });

  it('answers for a finished job until it is pruned', async () => {
    const { service, ended, settings } = publishing();
    const { jobId } = await service.start(settings);
    await ended(jobId);
    expect(service.status({ jobId })).toMatchObject({ state: 'done', stage: 'done' });
    expect(() => service.status({ jobId: '11111111-1111-4111-8111-111111111111' })).toThrow(/unknown/);
  });
});
