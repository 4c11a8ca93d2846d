import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { callStudio, tempDir, tempStudio } from '../testing/tempStudio';
import { mediaFixture } from '../testing/mediaFixtures';
import { PROJECT_PAGE_MAX } from '@shared/contract/projects';
import { openStudio } from '../studio';
import { runCli } from './runCli';
import { damageMiddlePages } from '../testing/damagedLibrary';

function cli(dataDir: string, env: NodeJS.ProcessEnv = {}) {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      [...argv, '--data', dataDir],
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env },
      '1.2.3',
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

describe('flipside CLI', () => {
  it('creates a project and a lesson, printing each new id, and lists them', async () => {
    const run = cli(tempDir());
    const created = await run('projects', 'create', '--title', 'Genetics');
    expect(created).toMatchObject({ code: 0, err: '' });
    const projectId = created.out.trim();
    expect(projectId).toMatch(/^[0-9a-f-]{36}$/);

    const lesson = await run('lessons', 'add', '--project', projectId, '--title', 'Punnett squares');
    expect(lesson.code).toBe(0);

    const table = await run('projects', 'list');
    expect(table.out.split('\n')[0]).toMatch(/^ID\s+TITLE\s+LESSONS\s+UPDATED$/);
    expect(table.out).toMatch(new RegExp(`${projectId}\\s+Genetics\\s+1\\s+\\d{4}-`));

    const json = JSON.parse((await run('projects', 'list', '--json')).out) as { id: string; lessonCount: number }[];
    expect(json).toEqual([expect.objectContaining({ id: projectId, title: 'Genetics', lessonCount: 1 })]);

    const lessons = JSON.parse((await run('lessons', 'list', '--project', projectId, '--json')).out) as {
      id: string;
    }[];
    expect(lessons.map((each) => each.id)).toEqual([lesson.out.trim()]);
  });

  it('lists every project, however many pages the call takes', async () => {
    const dataDir = tempDir();
    const studio = openStudio({ dataDir, host: 'cli' });
    const count = PROJECT_PAGE_MAX + 3;
    for (let n = 0; n < count; n += 1) await callStudio(studio, 'projects', 'create', { title: `Unit ${n}` });
    await studio.close();
    const listed = await cli(dataDir)('projects', 'list', '--json', '--sort', 'title');
    const projects = JSON.parse(listed.out) as { title: string }[];
    expect(projects).toHaveLength(count);
    expect(new Set(projects.map((project) => project.title)).size).toBe(count);
    expect(projects.at(-1)?.title).toBe(`Unit ${count - 1}`);
  });

  it('says what to do in an empty library', async () => {
    const run = cli(tempDir());
    expect((await run('projects', 'list')).out).toContain('No projects yet');
  });

  it('exits 1 with one line naming the bad flag when the input is invalid', async () => {
    const run = cli(tempDir());
    const result = await run('projects', 'create', '--title', '   ');
    expect(result).toEqual({ code: 1, out: '', err: 'flipside: --title: A title is required' });
    const badId = await run('lessons', 'add', '--project', 'nope', '--title', 'x');
    expect(badId).toMatchObject({ code: 1, err: 'flipside: --project: Not a valid id' });
  });

  it('exits 1 with the service message for a project that does not exist', async () => {
    const run = cli(tempDir());
    const result = await run('lessons', 'list', '--project', '3f1b8f0e-8c1c-4f39-9a52-0b6f1f0f4a11');
    expect(result).toEqual({ code: 1, out: '', err: 'flipside: That project no longer exists' });
  });

  it('exits 2 on usage mistakes: unknown command, unknown flag, missing flag', async () => {
    const run = cli(tempDir());
    expect(await run('projects', 'explode')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^flipside: unknown command “projects explode” \(see flipside --help\)$/),
    });
    expect(await run('projects', 'list', '--colour')).toMatchObject({
      code: 2,
      err: expect.stringContaining("'--colour'"),
    });
    expect(await run('lessons', 'list')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--project is required'),
    });
  });

  it('prints help and version', async () => {
    const run = cli(tempDir());
    expect(await run('--help')).toMatchObject({ code: 0, out: expect.stringContaining('projects create --title') });
    expect(await run('--version')).toMatchObject({ code: 0, out: '1.2.3' });
  });

  it('uses FLIPSIDE_DATA over --data', async () => {
    const envDir = tempDir();
    const flagDir = tempDir();
    await cli(flagDir, { FLIPSIDE_DATA: envDir })('projects', 'create', '--title', 'From env');
    expect((await cli(envDir)('projects', 'list', '--json')).out).toContain('From env');
    expect((await cli(flagDir)('projects', 'list', '--json')).out).toBe('[]');
  });

  it('imports a media file into a lesson as a take, printing its id', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    const projectId = (await run('projects', 'create', '--title', 'Waves')).out;
    const lessonId = (await run('lessons', 'add', '--project', projectId, '--title', 'Sound')).out;
    const imported = await run('import', '--lesson', lessonId, mediaFixture('webm', 2));
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^[0-9a-f-]{36}$/);
    expect(fs.readdirSync(path.join(dataDir, 'media', projectId, imported.out))).toEqual(['screen.webm']);
  });

  it('imports a file whose name is longer than a title may be, as a take titled with the name cut to fit', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    const projectId = (await run('projects', 'create', '--title', 'Waves')).out;
    const lessonId = (await run('lessons', 'add', '--project', projectId, '--title', 'Sound')).out;
    const name = `${'Week 3 lecture on standing waves and resonance '.repeat(5)}take 2`;
    const file = path.join(tempDir(), `${name}.webm`);
    fs.copyFileSync(mediaFixture('webm', 2), file);
    const imported = await run('import', '--lesson', lessonId, file);
    expect(imported).toMatchObject({ code: 0, err: '' });
    const studio = tempStudio(dataDir);
    const [take] = await callStudio<{ title: string }[]>(studio, 'takes', 'list', { lessonId, view: 'active' });
    expect(take?.title.length).toBeLessThanOrEqual(200);
    expect(name.startsWith(take?.title ?? '-')).toBe(true);
  });

  it('refuses a file that is not media, leaving nothing in the library', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    const projectId = (await run('projects', 'create', '--title', 'Waves')).out;
    const lessonId = (await run('lessons', 'add', '--project', projectId, '--title', 'Sound')).out;
    const fake = path.join(tempDir(), 'lecture.mp4');
    fs.writeFileSync(fake, 'not a video at all\n'.repeat(100));
    const result = await run('import', '--lesson', lessonId, fake);
    expect(result).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^flipside: This file is not a video or audio file the studio can read/),
    });
    expect(fs.readdirSync(path.join(dataDir, 'media'))).toEqual([]);
    expect(await run('import', '--lesson', lessonId, path.join(dataDir, 'missing.mp4'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('no such file'),
    });
  });
});

describe('flipside beside an open library', () => {
  it('lists read-only while the app owns the library, and refuses to change it with the owner’s line', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    const projectId = (await run('projects', 'create', '--title', 'Optics')).out;
    const app = openStudio({ dataDir, host: 'electron' });
    try {
      expect((await run('projects', 'list')).out).toContain('Optics');
      expect((await run('lessons', 'list', '--project', projectId)).out).toBe('No lessons in this project.');
      expect(await run('lessons', 'add', '--project', projectId, '--title', 'Lenses')).toEqual({
        code: 1,
        out: '',
        err: `flipside: Flipside Studio (pid ${process.pid}) has this library open`,
      });
      expect(await run('library', 'restore')).toMatchObject({
        code: 1,
        err: expect.stringContaining('has this library open') as unknown,
      });
      expect((await run('library', 'check')).code).toBe(0);
    } finally {
      await app.close();
    }
    expect((await run('lessons', 'add', '--project', projectId, '--title', 'Lenses')).code).toBe(0);
  });

  it('refuses --burn-captions with something other than a language, or for audio only, before doing any work', async () => {
    const run = cli(tempDir());
    const out = path.join(tempDir(), 'lesson.mp4');
    const lesson = '3f1b8f0e-8c1c-4f39-9a52-0b6f1f0f4a11';
    expect(await run('render', '--lesson', lesson, '--out', out, '--burn-captions', '<b>en')).toEqual({
      code: 1,
      out: '',
      err: 'flipside: --burn-captions takes a language code such as en, fr or pt-BR, not “<b>en”',
    });
    expect(await run('render', '--lesson', lesson, '--out', out, '--height', 'audio', '--burn-captions', 'en')).toEqual(
      {
        code: 1,
        out: '',
        err: 'flipside: --burn-captions needs a picture; an audio-only render has none',
      },
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a --out that exists before doing any work, unless --force', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    const thesis = path.join(tempDir(), 'thesis.docx');
    fs.writeFileSync(thesis, 'years of work');
    const lesson = '3f1b8f0e-8c1c-4f39-9a52-0b6f1f0f4a11';
    expect(await run('publish', '--lesson', lesson, '--format', 'scorm12', '--out', thesis)).toEqual({
      code: 1,
      out: '',
      err: `flipside: ${thesis} already exists; choose another --out, or add --force to replace it`,
    });
    expect(await run('render', '--lesson', lesson, '--out', thesis)).toMatchObject({ code: 1 });
    const folder = path.dirname(thesis);
    expect(await run('publish', '--lesson', lesson, '--format', 'web', '--out', folder, '--force')).toMatchObject({
      code: 1,
      err: expect.stringContaining(
        'is not a web folder Flipside Studio published, so --force leaves it alone',
      ) as unknown,
    });
    expect(fs.readFileSync(thesis, 'utf8')).toBe('years of work');
  });
});

describe('flipside library', () => {
  it('backs up, notices damage (pointing at the log), restores the newest backup, and is healthy again', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    for (let n = 0; n < 40; n += 1)
      await run('projects', 'create', '--title', `Project ${n}`, '--description', 'd'.repeat(1900));
    const backup = await run('library', 'backup');
    expect(backup).toMatchObject({
      code: 0,
      out: expect.stringMatching(/backups\/library-\d{8}T\d{9}Z\.sqlite$/) as unknown,
    });
    expect((await run('library', 'check')).out).toMatch(/ok {4}the database is intact[\s\S]*the library is healthy$/);

    damageMiddlePages(path.join(dataDir, 'library.sqlite'));
    const listed = await run('projects', 'list');
    expect(listed.code).toBe(1);
    expect(listed.err).toMatch(/^flipside: The library file .* is damaged .*flipside library restore --data/);
    expect(listed.err).toContain(`(details in ${path.join(dataDir, 'logs', 'flipside.log')})`);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'flipside.log'), 'utf8')).toMatch(
      /\[error\] \[cli \d+\] flipside failed: The library file/,
    );
    const checked = await run('library', 'check');
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(/FAIL {2}the database is damaged/);

    const restored = await run('library', 'restore');
    expect(restored).toMatchObject({
      code: 0,
      err: expect.stringMatching(
        /^restored library-.*; the library as it was is kept in .*damaged-library-/,
      ) as unknown,
    });
    expect(JSON.parse((await run('projects', 'list', '--json')).out)).toHaveLength(40);
  });

  it('refuses to restore a damaged backup', async () => {
    const dataDir = tempDir();
    const run = cli(dataDir);
    for (let n = 0; n < 40; n += 1)
      await run('projects', 'create', '--title', `Project ${n}`, '--description', 'd'.repeat(1900));
    const file = (await run('library', 'backup')).out;
    damageMiddlePages(file);
    expect(await run('library', 'restore', file)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is damaged/) as unknown,
    });
  });
});
