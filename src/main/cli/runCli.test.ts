import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { callStudio, tempDir, tempStudio } from '../testing/tempStudio';
import { mediaFixture } from '../testing/mediaFixtures';
import { PROJECT_PAGE_MAX } from '@shared/contract/projects';
import { openStudio } from '../studio';
import { runCli } from './runCli';

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
    studio.close();
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
