import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { StudioClient } from '@shared/contract';
import { openStudio, type Studio, type StudioOptions } from './studio';
import { tempDir } from './testing/tempStudio';
import { mediaFixture } from './testing/mediaFixtures';
import { listBackups } from './store/backups';
import { DATABASE_FILE } from './store/database';

function open(dataDir: string, options: Partial<StudioOptions> = {}): Studio {
  const studio = openStudio({ dataDir, host: 'cli', ...options });
  onTestFinished(() => studio.close());
  return studio;
}

/** A lesson with an imported take, and a render of it half-written, as the app would be mid-render. */
async function renderingLesson(client: StudioClient) {
  const project = await client.projects.create({ title: 'Optics', description: '' });
  const lesson = await client.lessons.add({ projectId: project.id, title: 'Lenses' });
  const { takeId } = await client.recordings.start({
    lessonId: lesson.id,
    origin: 'imported',
    tracks: [{ role: 'screen', mimeType: 'video/webm' }],
  });
  const bytes = new Uint8Array(fs.readFileSync(mediaFixture('webm', 2)));
  await client.recordings.appendChunk({ takeId, role: 'screen', index: 0, atMs: 0, data: bytes });
  await client.recordings.finish({ takeId, tracks: [] });
  const { renderId } = await client.renders.start({
    lessonId: lesson.id,
    takeId,
    revision: 0,
    label: '720p',
    extension: 'mp4',
  });
  await client.renders.write({ renderId, position: 0, data: new Uint8Array(4096) });
  return { project, lesson, takeId, renderId };
}

describe('one owner per library', () => {
  it("refuses a second writer with one line naming the owner, and the owner's render carries on", async () => {
    const dataDir = tempDir();
    const app = open(dataDir, { host: 'electron' });
    const { project, renderId } = await renderingLesson(app.client('window:1'));
    const part = path.join(app.mediaRoot, project.id, 'renders', `${renderId}.mp4.part`);

    expect(() => openStudio({ dataDir, host: 'cli', ownerLabel: 'flipside render' })).toThrow(
      new RegExp(`^Flipside Studio \\(pid ${process.pid}\\) has this library open$`),
    );
    expect(fs.statSync(part).size).toBe(4096);
    await app.client('window:1').renders.write({ renderId, position: 4096, data: new Uint8Array(10) });
    expect(fs.statSync(part).size).toBe(4106);
  });

  it('lets a reader list beside the owner; the reader cleans nothing up and cannot write', async () => {
    const dataDir = tempDir();
    const app = open(dataDir, { host: 'browser' });
    const { project, renderId } = await renderingLesson(app.client('window:1'));
    const part = path.join(app.mediaRoot, project.id, 'renders', `${renderId}.mp4.part`);

    const reader = open(dataDir, { access: 'read' });
    const listed = await reader.client('cli').projects.list({ view: 'active', query: '', sort: 'updated' });
    expect(listed.items.map((each) => each.title)).toEqual(['Optics']);
    expect(fs.existsSync(part)).toBe(true);
    await expect(reader.client('cli').projects.create({ title: 'Nope', description: '' })).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining('read-only'),
    });
    await reader.close();
    expect(fs.existsSync(part)).toBe(true);
  });

  it('reads a folder with no library as an empty one, creating nothing', async () => {
    const dataDir = path.join(tempDir(), 'not-yet');
    const reader = open(dataDir, { access: 'read' });
    expect(await reader.client('cli').projects.list({ view: 'active', query: '', sort: 'updated' })).toEqual({
      items: [],
      total: 0,
    });
    await reader.close();
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('lets the library go when the owner closes, so the next one opens it', async () => {
    const dataDir = tempDir();
    await open(dataDir).close();
    const next = open(dataDir, { host: 'electron' });
    expect(next.access).toBe('owner');
  });
});

describe('closing the studio', () => {
  it('cancels and awaits every job before the database closes, and refuses calls from then on', async () => {
    const dataDir = tempDir();
    const app = open(dataDir);
    const client = app.client('window:1');
    const { project } = await renderingLesson(client);
    expect(app.jobs.running().map((job) => [job.kind, job.owner])).toContainEqual(['render', 'window:1']);
    await app.close();
    expect(app.jobs.running()).toEqual([]);
    expect(fs.readdirSync(path.join(app.mediaRoot, project.id, 'renders'))).toEqual([]);
    await expect(client.projects.list({ view: 'active', query: '', sort: 'updated' })).rejects.toThrow(/closing/);
  });
});

describe("the owner's start", () => {
  it('removes what a process that died left unfinished (publish parts, renders, imports) and nothing else', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    const { project, lesson, takeId } = await renderingLesson(first.client('cli'));
    await first.close();

    // As a process killed mid-publish and mid-import leaves the library (its session's rows, its parts).
    const exportsDir = path.join(dataDir, 'media', project.id, 'exports');
    fs.mkdirSync(exportsDir, { recursive: true });
    fs.writeFileSync(path.join(exportsDir, 'optics-scorm12-1-0.zip.part'), 'half a zip');
    fs.writeFileSync(path.join(exportsDir, 'optics-scorm12-1-0.zip'), 'an earlier, finished export');
    const importFolder = path.join(dataDir, 'media', project.id, 'dead-import');
    fs.mkdirSync(importFolder);
    fs.writeFileSync(path.join(importFolder, 'screen.part'), 'half a file');
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare(
      "INSERT INTO jobs (id, kind, session, pid, started_at, parts) VALUES ('j1', 'publish', 'gone', 4242, 1, ?)",
    ).run(JSON.stringify([`media/${project.id}/exports/optics-scorm12-1-0.zip.part`]));
    db.prepare(
      "INSERT INTO takes (id, lesson_id, title, status, origin, heartbeat_at, created_at, updated_at) VALUES ('dead-import', ?, 'x', 'recording', 'imported', 1, 1, 1)",
    ).run(lesson.id);
    db.close();

    const reader = open(dataDir, { access: 'read' });
    await reader.close();
    expect(fs.existsSync(path.join(exportsDir, 'optics-scorm12-1-0.zip.part'))).toBe(true);

    const owner = open(dataDir);
    expect(fs.readdirSync(exportsDir)).toEqual(['optics-scorm12-1-0.zip']);
    expect(fs.existsSync(importFolder)).toBe(false);
    expect(await owner.client('cli').recordings.listInterrupted({})).toEqual([]);
    const takes = await owner.client('cli').takes.list({ lessonId: lesson.id, view: 'active' });
    expect(takes.map((take) => take.id)).toEqual([takeId]);
    expect(owner.db.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 0 });
  });

  it('takes a rolling backup at most once a day', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    await first.client('cli').projects.create({ title: 'Backed up', description: '' });
    await vi.waitFor(() => expect(listBackups(dataDir)).toHaveLength(1));
    await first.close();
    await open(dataDir).close();
    const [backup, ...others] = listBackups(dataDir);
    expect(others).toEqual([]);
    expect(backup?.reason).toBe('rolling');
  });
});
