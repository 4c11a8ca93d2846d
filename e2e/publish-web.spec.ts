import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures';
import { publishableLesson, publishOverRpc, unzip } from './lms/publishedLesson';
import { serveStatic } from './support/staticServer';
import { PublishedLessonPage } from './pages/PublishedLessonPage';

const BIN = path.resolve(__dirname, '..', 'bin', 'flipside.cjs');
const shots = process.env.PUBLISH_SHOTS;

test('the web folder plays straight from disk (file://), progress kept in the browser', async ({ host, page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) problems.push(message.text());
  });
  const { lessonId, renderId } = await publishableLesson(host);
  const { file, job } = await publishOverRpc(host, lessonId, renderId, 'web');
  expect(job.output?.kind).toBe('folder');
  expect(fs.readdirSync(file).sort()).toEqual([
    'index.html',
    'lesson.js',
    'lesson.json',
    'media',
    'player.css',
    'player.js',
  ]);
  expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.part'))).toEqual([]);
  await page.goto(pathToFileURL(path.join(file, 'index.html')).href);
  const lesson = new PublishedLessonPage(page, false);
  await lesson.ready();
  await expect(page).toHaveTitle('Forces & <motion> "🎓"');
  await expect(lesson.banner).toHaveCount(0);
  await lesson.play();
  await lesson.expectQuestion('Which force pulls things down?');
  await lesson.answer('Gravity', 'Correct');
  const stored = await page.evaluate(
    (id) =>
      (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(
        `flipside:lesson:${id}`,
      ),
    lessonId,
  );
  expect(JSON.parse(stored ?? '{}')).toMatchObject({ interactions: [expect.objectContaining({ result: 'correct' })] });
  expect(problems).toEqual([]);
});

test('a SCORM package opened without an LMS says so, plays, and shows its calls in the debug panel', async ({
  host,
  page,
}) => {
  const { lessonId, renderId } = await publishableLesson(host);
  const { file } = await publishOverRpc(host, lessonId, renderId, 'scorm12');
  const dir = await unzip(file);
  const server = await serveStatic({ '/pkg': dir });
  try {
    await page.goto(`${server.origin}/pkg/index.html`);
    const lesson = new PublishedLessonPage(page, false);
    await lesson.ready();
    await expect(lesson.banner).toContainText(
      'Your progress is saved in this browser only: no LMS connection was found.',
    );
    await page.keyboard.press('Control+Shift+D');
    const panel = page.getByRole('complementary', { name: 'LMS connection details' });
    await expect(panel).toContainText('SCORM 1.2: no API found in this window, its parents or its opener');
    await expect(panel.locator('.fs-debug-error')).toContainText('find API');
    if (shots) await page.screenshot({ path: path.join(shots, 'pub-no-lms-debug.png') });
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toHaveCount(0);
    await lesson.play();
    await lesson.waitUntilPast(1);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('flipside publish and flipside check, on the built CLI', async ({ host }) => {
  const { lessonId } = await publishableLesson(host);
  // The CLI publishes only a library nobody else has open.
  await host.stop();
  const out = path.join(host.dataDir, 'cli-out.zip');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FLIPSIDE_DATA: '' } });
  const published = run('publish', '--data', host.dataDir, '--lesson', lessonId, '--format', 'scorm2004', '--out', out);
  expect(published.stderr).toMatch(/SCORM 2004 4th edition: \d+ files, 360p, [\d.]+ MB/);
  expect(published.status).toBe(0);
  expect(published.stdout.trim()).toBe(out);
  const checked = run('check', out);
  expect(checked.stdout).toContain("ok    imsmanifest.xml is valid against ADL's schema files");
  expect(checked.stdout).toMatch(/valid SCORM 2004 4th edition package/);
  expect(checked.status).toBe(0);
  const broken = path.join(host.dataDir, 'broken.zip');
  fs.writeFileSync(broken, fs.readFileSync(out).subarray(0, 1000));
  const refused = run('check', broken);
  expect(refused.status).toBe(1);
  expect(refused.stdout).toMatch(/FAIL {2}Not a readable zip file/);
  const web = run(
    'publish',
    '--data',
    host.dataDir,
    '--lesson',
    lessonId,
    '--format',
    'web',
    '--out',
    path.join(host.dataDir, 'site'),
  );
  expect(web.status).toBe(0);
  expect(fs.existsSync(path.join(host.dataDir, 'site', 'index.html'))).toBe(true);
  const course = path.join(host.dataDir, 'course.zip');
  const cmi5 = run('publish', '--data', host.dataDir, '--lesson', lessonId, '--format', 'cmi5', '--out', course);
  expect(cmi5.stderr).toMatch(/cmi5: \d+ files, 360p/);
  expect(cmi5.status).toBe(0);
  const checkedCourse = run('check', course);
  expect(checkedCourse.stdout).toContain('ok    cmi5.xml is valid against the cmi5 schema');
  expect(checkedCourse.stdout).toMatch(/valid cmi5 package/);
  expect(checkedCourse.status).toBe(0);
  const mixed = run(
    'publish',
    '--data',
    host.dataDir,
    '--lesson',
    lessonId,
    '--format',
    'scorm12',
    '--course',
    'project',
    '--out',
    course,
  );
  expect(mixed.status).toBe(1);
  expect(mixed.stderr).toMatch(/--course project needs --format cmi5/);
});
