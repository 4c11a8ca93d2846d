import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentChangeSchema } from '@shared/editor/document';
import { recordedTake, setup } from '../testing/libraryFixture';
import { EditorService } from '../editor/EditorService';
import { PublishHistory, type PublishedEntry } from './history';

/** A lesson with a recording, its editor, and a history over the same real library. */
async function lessonWithHistory() {
  const fixture = setup();
  const take = await recordedTake(fixture);
  const editor = new EditorService(fixture.deps);
  const history = new PublishHistory(fixture.deps);
  const exportsPath = `${fixture.lesson.projectId}/exports`;
  const exportsDir = path.join(fixture.deps.mediaRoot, ...exportsPath.split('/'));
  fs.mkdirSync(exportsDir, { recursive: true });
  /** A zip written where the publish job writes, and its entry in the history. */
  const published = (name: string, version: string, at: number, kind: 'zip' | 'folder' = 'zip') => {
    const file = path.join(exportsDir, name);
    if (kind === 'zip') fs.writeFileSync(file, 'PK');
    else {
      fs.mkdirSync(file);
      fs.writeFileSync(path.join(file, 'index.html'), '<!doctype html>');
    }
    const entry: PublishedEntry = {
      lessonId: fixture.lesson.id,
      format: kind === 'zip' ? 'scorm2004' : 'web',
      title: 'Momentum',
      version,
      kind,
      path: `${exportsPath}/${name}`,
      sizeBytes: 2,
      document: editor.open({ lessonId: fixture.lesson.id }),
      publishedAt: at,
    };
    return { id: history.record(entry), file };
  };
  return { ...fixture, take, editor, history, exportsDir, published };
}

describe('PublishHistory', () => {
  it('lists what was published, newest first, with the version each publish used', async () => {
    const { history, lesson, editor, published } = await lessonWithHistory();
    published('momentum-scorm2004-1-0.zip', '1.0', 1000);
    published('momentum-scorm2004-1-1.zip', '1.1', 2000);
    const listed = history.list(lesson.id, editor.open({ lessonId: lesson.id }));
    expect(listed.map((record) => [record.version, record.publishedAt, record.format, record.kind])).toEqual([
      ['1.1', 2000, 'scorm2004', 'zip'],
      ['1.0', 1000, 'scorm2004', 'zip'],
    ]);
    expect(listed[0]).toMatchObject({ title: 'Momentum', sizeBytes: 2, changedSince: false, missing: false });
    expect(history.lastVersion(lesson.id)).toBe('1.1');
  });

  it('says the lesson changed since a publish until its content is back to what was published', async () => {
    const { history, lesson, editor, take, published } = await lessonWithHistory();
    published('momentum-scorm2004-1-0.zip', '1.0', 1000);
    const opened = editor.open({ lessonId: lesson.id });
    const marker = { id: randomUUID(), sourceMs: 500, title: 'Key idea', note: '' };
    const added = editor.apply(
      documentChangeSchema.parse({ takeId: take.id, baseRevision: opened.revision, upsertMarkers: [marker] }),
    );
    expect(history.list(lesson.id, editor.open({ lessonId: lesson.id }))[0]?.changedSince).toBe(true);
    editor.apply(
      documentChangeSchema.parse({ takeId: take.id, baseRevision: added.revision, removeMarkers: [marker.id] }),
    );
    const now = editor.open({ lessonId: lesson.id });
    expect(now.revision).toBeGreaterThan(opened.revision);
    expect(history.list(lesson.id, now)[0]?.changedSince).toBe(false);
    expect(history.list(lesson.id, null)[0]?.changedSince).toBe(true);
  });

  it('deletes an entry with its package and the zip a browser download made of it', async () => {
    const { history, lesson, exportsDir, published } = await lessonWithHistory();
    const folder = published('momentum-web-1-0', '1.0', 1000, 'folder');
    const kept = published('momentum-scorm2004-1-0.zip', '1.0', 2000);
    fs.mkdirSync(path.join(exportsDir, '.downloads'));
    fs.writeFileSync(path.join(exportsDir, '.downloads', 'momentum-web-1-0.zip'), 'PK');
    expect(history.remove(folder.id)).toEqual({ lessonId: lesson.id });
    expect(fs.existsSync(folder.file)).toBe(false);
    expect(fs.readdirSync(path.join(exportsDir, '.downloads'))).toEqual([]);
    expect(fs.existsSync(kept.file)).toBe(true);
    expect(history.list(lesson.id, null).map((record) => record.id)).toEqual([kept.id]);
    expect(() => history.remove(folder.id)).toThrow(/no longer in the history/);
  });

  it('never removes anything outside the library, nor another file of it, through a symlink', async () => {
    const { history, lesson, exportsDir, published, deps, take } = await lessonWithHistory();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-outside-'));
    fs.writeFileSync(path.join(outside, 'precious.txt'), 'mine');
    const out = published('out-1-0.zip', '1.0', 1000);
    fs.rmSync(out.file);
    fs.symlinkSync(outside, out.file);
    const takeFolder = path.dirname(path.join(deps.mediaRoot, ...(take.files[0]?.path ?? '').split('/')));
    const before = fs.readdirSync(takeFolder, { recursive: true }).sort();
    const inner = published('inner-1-0.zip', '1.0', 2000);
    fs.rmSync(inner.file);
    fs.symlinkSync(takeFolder, inner.file);

    expect(history.list(lesson.id, null).map((record) => record.missing)).toEqual([true, true]);
    history.remove(out.id);
    history.remove(inner.id);
    expect(fs.readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(takeFolder, { recursive: true }).sort()).toEqual(before);
    expect(history.list(lesson.id, null)).toEqual([]);
    expect(fs.readdirSync(exportsDir).sort()).toEqual(['inner-1-0.zip', 'out-1-0.zip']);
  });

  it('keeps a name the history lists, and finds an entry by its path', async () => {
    const { history, lesson, published } = await lessonWithHistory();
    const { file } = published('momentum-scorm2004-1-0.zip', '1.0', 1000);
    fs.rmSync(file);
    const relative = `${lesson.projectId}/exports/momentum-scorm2004-1-0.zip`;
    expect(history.holds(relative)).toBe(true);
    expect(history.byPath(relative)).toMatchObject({ version: '1.0', missing: true });
    expect(history.holds(`${lesson.projectId}/exports/other.zip`)).toBe(false);
  });
});
