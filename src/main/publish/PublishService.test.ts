import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { contract } from '@shared/contract';
import type { PublishJob } from '@shared/contract/publish';
import { EventHub } from '../rpc/eventHub';
import { JobRegistry } from '../jobs/JobRegistry';
import { openDatabase } from '../store/database';
import { PublishHistory } from './history';
import { PublishService } from './PublishService';
import type { LessonSnapshot } from './snapshot';
import { fakeAssets, tempDir, testSnapshot } from './testPackage.testkit';

/**
 * A publish service over a frozen test lesson whose render is a real file under the media root; `withHistory` adds
 * a real library holding that lesson, and the history kept in it.
 */
function publishing(videoBytes = 200_000, withHistory = false) {
  const root = tempDir();
  onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }));
  const snapshot = testSnapshot(root, {}, videoBytes);
  const mediaRoot = path.join(root, 'media');
  // The library is made first: a media folder with no library beside it is refused as a lost one.
  const history = withHistory ? historyOf(root, mediaRoot, snapshot) : undefined;
  const [render] = snapshot.renders;
  if (!render) throw new Error('the test snapshot has a render');
  fs.mkdirSync(path.join(mediaRoot, 'p', 'renders'), { recursive: true });
  fs.copyFileSync(render.file, path.join(mediaRoot, 'p', 'renders', 'r.mp4'));
  const events = new EventHub(contract);
  const jobs = new JobRegistry();
  const service = new PublishService({
    ...(history ? { history } : {}),
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
  return { service, jobs, ended, exports, settings, events, history, snapshot };
}

function historyOf(root: string, mediaRoot: string, snapshot: LessonSnapshot): PublishHistory {
  const db = openDatabase(root);
  onTestFinished(() => {
    db.close();
  });
  const { project, lesson } = snapshot;
  db.prepare('INSERT INTO projects (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)').run(project.id, 'Physics');
  db.prepare(
    'INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES (?, ?, ?, 0, 1, 1)',
  ).run(lesson.id, project.id, lesson.title);
  return new PublishHistory({ db, mediaRoot });
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

  it('lists each finished publish with the version it used, offers the next one, and never reuses a listed name', async () => {
    const { service, ended, exports, settings, events, snapshot } = publishing(200_000, true);
    const changes: unknown[] = [];
    events.listen((channel, payload) => channel === 'app:publish.onDidChangeHistory' && changes.push(payload));
    expect((await service.options({ lessonId: snapshot.lesson.id })).defaults.version).toBe('1.0');
    await ended((await service.start(settings)).jobId);
    expect((await service.options({ lessonId: snapshot.lesson.id })).defaults.version).toBe('1.1');
    await ended((await service.start({ ...settings, version: '1.1' })).jobId);
    const listed = await service.history({ lessonId: snapshot.lesson.id });
    const projectExports = `${snapshot.lesson.projectId}/exports`;
    expect(listed.map((record) => [record.version, record.path, record.kind, record.changedSince])).toEqual([
      ['1.1', `${projectExports}/forces-scorm12-1-1.zip`, 'zip', false],
      ['1.0', `${projectExports}/forces-scorm12-1-0.zip`, 'zip', false],
    ]);
    expect(listed[1]?.sizeBytes).toBe(fs.statSync(path.join(exports, 'forces-scorm12-1-0.zip')).size);
    expect(changes).toEqual([{ lessonId: snapshot.lesson.id }, { lessonId: snapshot.lesson.id }]);

    // The 1.0 file went (by hand): its entry stays, marked missing, and a new 1.0 gets a name of its own.
    fs.rmSync(path.join(exports, 'forces-scorm12-1-0.zip'));
    const again = await ended((await service.start(settings)).jobId);
    expect(again.output?.name).toBe('forces-scorm12-1-0-2.zip');
    const [newest, , gone] = await service.history({ lessonId: snapshot.lesson.id });
    expect(gone).toMatchObject({ version: '1.0', missing: true });

    service.remove({ id: newest?.id ?? '' });
    expect(fs.readdirSync(exports)).toEqual(['forces-scorm12-1-1.zip']);
    expect((await service.history({ lessonId: snapshot.lesson.id })).map((record) => record.version)).toEqual([
      '1.1',
      '1.0',
    ]);
    expect(changes).toHaveLength(4);
  });
});
