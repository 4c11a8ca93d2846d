import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { recordedTake, setup } from '../testing/libraryFixture';
import { mediaFixture } from '../testing/mediaFixtures';
import { RenderService } from '../render/RenderService';
import { EditorService } from '../editor/EditorService';
import { PublishHistory } from '../publish/history';
import { FilesService, type FileShell } from './FilesService';

/** A library with one finished 720p render of "Momentum", and a web-folder export beside it. */
async function libraryWithRender() {
  const fixture = setup();
  const take = await recordedTake(fixture);
  const renders = new RenderService(fixture.deps);
  const { renderId } = renders.start({
    lessonId: fixture.lesson.id,
    takeId: take.id,
    revision: 1,
    label: '720p',
    extension: 'mp4',
  });
  const bytes = fs.readFileSync(mediaFixture('mp4', 2));
  renders.write({ renderId, position: 0, data: new Uint8Array(bytes) });
  await renders.finish({ renderId });
  const exportPath = `${fixture.lesson.projectId}/exports/momentum-web-1`;
  const exportDir = path.join(fixture.deps.mediaRoot, ...exportPath.split('/'));
  fs.mkdirSync(path.join(exportDir, 'media'), { recursive: true });
  fs.writeFileSync(path.join(exportDir, 'index.html'), '<!doctype html><title>Momentum</title>');
  fs.writeFileSync(path.join(exportDir, 'media', 'lesson.mp4'), bytes);
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-saved-'));
  return { ...fixture, renderId, bytes, exportPath, exportDir, outside };
}

/** A desktop shell whose save dialog answers `choice` and whose file manager records what it was asked to show. */
function shellChoosing(choice: string | null) {
  const asked: { name: string; kind: string }[] = [];
  const shown: string[] = [];
  const shell: FileShell = {
    chooseSavePath: async (name, kind) => {
      asked.push({ name, kind });
      return choice;
    },
    reveal: (file) => shown.push(file),
  };
  return { shell, asked, shown };
}

describe('FilesService', () => {
  it('copies a render where the teacher chose, offering a name they recognise', async () => {
    const { deps, renderId, bytes, outside } = await libraryWithRender();
    const target = path.join(outside, 'Momentum (720p).mp4');
    const { shell, asked } = shellChoosing(target);
    const files = new FilesService({ ...deps, shell });
    expect(await files.saveAs({ kind: 'render', renderId })).toEqual({ outcome: 'saved', path: target });
    expect(asked).toEqual([{ name: 'Momentum (720p).mp4', kind: 'file' }]);
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect(fs.readdirSync(outside)).toEqual(['Momentum (720p).mp4']);
  });

  it('leaves nothing when the teacher cancels the dialog', async () => {
    const { deps, renderId, outside } = await libraryWithRender();
    const files = new FilesService({ ...deps, shell: shellChoosing(null).shell });
    expect(await files.saveAs({ kind: 'render', renderId })).toEqual({ outcome: 'cancelled' });
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('leaves no half-written copy when the copy cannot be put in place', async () => {
    const { deps, renderId, outside } = await libraryWithRender();
    // A folder of the chosen name, with something in it: the copy is written beside it, and the rename refused.
    const target = path.join(outside, 'Momentum.mp4');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'mine');
    const files = new FilesService({ ...deps, shell: shellChoosing(target).shell });
    await expect(files.saveAs({ kind: 'render', renderId })).rejects.toThrow();
    expect(fs.readdirSync(outside)).toEqual(['Momentum.mp4']);
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('copies a whole web folder, and never over a folder already there', async () => {
    const { deps, exportPath, outside } = await libraryWithRender();
    const target = path.join(outside, 'Momentum web');
    const { shell, asked } = shellChoosing(target);
    const files = new FilesService({ ...deps, shell });
    expect(await files.saveAs({ kind: 'export', path: exportPath })).toEqual({ outcome: 'saved', path: target });
    expect(asked).toEqual([{ name: 'momentum-web-1', kind: 'folder' }]);
    expect(fs.readdirSync(target, { recursive: true }).sort()).toEqual(['index.html', 'media', 'media/lesson.mp4']);
    await expect(files.saveAs({ kind: 'export', path: exportPath })).rejects.toThrow(/already there/);
    expect(fs.readdirSync(outside)).toEqual(['Momentum web']);
  });

  it('without a save dialog, answers what the page should download and under which name', async () => {
    const { deps, renderId } = await libraryWithRender();
    const files = new FilesService(deps);
    const answer = await files.saveAs({ kind: 'render', renderId });
    expect(answer).toMatchObject({ outcome: 'download', fileName: 'Momentum (720p).mp4' });
    expect(answer.outcome === 'download' && answer.mediaPath).toMatch(/\/renders\/[0-9a-f-]+\.mp4$/);
    expect(await files.reveal({ kind: 'render', renderId })).toEqual({ shown: false });
  });

  it('names a published package after its title, format and version', async () => {
    const { deps, exportPath, outside, lesson } = await libraryWithRender();
    const zipPath = `${lesson.projectId}/exports/momentum-scorm2004-1-1.zip`;
    fs.writeFileSync(path.join(deps.mediaRoot, ...zipPath.split('/')), 'PK');
    const history = publishedAs(deps, lesson.id, [
      { path: exportPath, format: 'web', kind: 'folder' },
      { path: zipPath, format: 'scorm2004', kind: 'zip' },
    ]);
    const { shell, asked } = shellChoosing(path.join(outside, 'chosen'));
    const files = new FilesService({ ...deps, shell, history });
    await files.saveAs({ kind: 'export', path: exportPath });
    fs.rmSync(path.join(outside, 'chosen'), { recursive: true });
    await files.saveAs({ kind: 'export', path: zipPath });
    expect(asked).toEqual([
      { name: 'Momentum (Web folder, version 1.1)', kind: 'folder' },
      { name: 'Momentum (SCORM 2004, version 1.1).zip', kind: 'file' },
    ]);
    const download = await new FilesService({ ...deps, history }).saveAs({ kind: 'export', path: zipPath });
    expect(download).toEqual({
      outcome: 'download',
      mediaPath: zipPath,
      fileName: 'Momentum (SCORM 2004, version 1.1).zip',
    });
  });

  it('without a save dialog, gives a web folder as a zip of it that unzips to the same files', async () => {
    const { deps, exportPath, exportDir, outside, lesson, bytes } = await libraryWithRender();
    const history = publishedAs(deps, lesson.id, [{ path: exportPath, format: 'web', kind: 'folder' }]);
    const files = new FilesService({ ...deps, history });
    const answer = await files.saveAs({ kind: 'export', path: exportPath });
    expect(answer).toEqual({
      outcome: 'download',
      mediaPath: `${lesson.projectId}/exports/.downloads/momentum-web-1.zip`,
      fileName: 'Momentum (Web folder, version 1.1).zip',
    });
    const zip = path.join(deps.mediaRoot, lesson.projectId, 'exports', '.downloads', 'momentum-web-1.zip');
    const unzipped = spawnSync('unzip', ['-q', zip, '-d', outside], { encoding: 'utf8' });
    expect(unzipped.status, unzipped.stderr).toBe(0);
    const root = path.join(outside, 'Momentum (Web folder, version 1.1)');
    expect(fs.readdirSync(outside)).toEqual(['Momentum (Web folder, version 1.1)']);
    expect(fs.readdirSync(root, { recursive: true }).sort()).toEqual(['index.html', 'media', 'media/lesson.mp4']);
    expect(fs.readFileSync(path.join(root, 'media', 'lesson.mp4')).equals(bytes)).toBe(true);
    // Made once: the export never changes, so a second download is the same zip, and nothing half-written is left.
    const made = fs.statSync(zip).mtimeMs;
    await files.saveAs({ kind: 'export', path: exportPath });
    expect(fs.statSync(zip).mtimeMs).toBe(made);
    expect(fs.readdirSync(path.dirname(zip))).toEqual(['momentum-web-1.zip']);
    expect(fs.readdirSync(exportDir).sort()).toEqual(['index.html', 'media']);
  });

  it('shows the library’s own file in the file manager', async () => {
    const { deps, renderId, exportDir } = await libraryWithRender();
    const { shell, shown } = shellChoosing(null);
    const files = new FilesService({ ...deps, shell });
    expect(await files.reveal({ kind: 'render', renderId })).toEqual({ shown: true });
    expect(await files.reveal({ kind: 'export', path: exportDirRelative(deps.mediaRoot, exportDir) })).toEqual({
      shown: true,
    });
    expect(shown[0]).toMatch(/renders[/\\][0-9a-f-]+\.mp4$/);
    expect(shown[1]).toBe(fs.realpathSync(exportDir));
  });

  it('names only renders it knows and exports inside the library', async () => {
    const { deps, lesson } = await libraryWithRender();
    const files = new FilesService({ ...deps, shell: shellChoosing('/tmp/never').shell });
    await expect(files.saveAs({ kind: 'render', renderId: lesson.id })).rejects.toThrow(/no longer exists/);
    await expect(files.saveAs({ kind: 'export', path: `${lesson.projectId}/exports/not-there.zip` })).rejects.toThrow(
      /no longer in the library/,
    );
    await expect(files.saveAs({ kind: 'export', path: `${lesson.projectId}/exports/..` })).rejects.toThrow(
      /no longer in the library/,
    );
    const parse = (input: unknown) => contract.files.calls.saveAs.input.safeParse(input).success;
    expect(parse({ kind: 'export', path: `${lesson.projectId}/exports/../../../etc` })).toBe(false);
    expect(parse({ kind: 'export', path: `${lesson.projectId}/renders/x.mp4` })).toBe(false);
    expect(parse({ kind: 'export', path: '/etc/passwd' })).toBe(false);
    expect(parse({ kind: 'export', path: `${lesson.projectId}/exports/lesson.zip` })).toBe(true);
  });
});

/** Entries in the publish history for exports already on disk, all of "Momentum" version 1.1. */
function publishedAs(
  deps: ReturnType<typeof setup>['deps'],
  lessonId: string,
  entries: { path: string; format: 'web' | 'scorm2004'; kind: 'zip' | 'folder' }[],
): PublishHistory {
  const history = new PublishHistory(deps);
  const document = new EditorService(deps).open({ lessonId });
  entries.forEach((entry, index) =>
    history.record({
      ...entry,
      lessonId,
      title: 'Momentum',
      version: '1.1',
      sizeBytes: 2,
      document,
      publishedAt: index,
    }),
  );
  return history;
}

const exportDirRelative = (mediaRoot: string, dir: string) => path.relative(mediaRoot, dir).split(path.sep).join('/');
