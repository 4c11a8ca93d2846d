import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures';
import { publishableLesson, publishOverRpc, unzip } from './lms/publishedLesson';
import { PublishDialog } from './pages/PublishDialog';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { rpc } from './support/rpc';
import { startClassServer } from './support/classServer';
import type { CheckpointInput } from '../src/shared/checkpoints';
import type { LessonDocument } from '../src/shared/editor/document';

const ENERGY_QUESTION: CheckpointInput = {
  id: '22222222-aaaa-4aaa-8aaa-000000000001',
  type: 'single',
  sourceMs: 3000,
  prompt: 'Which force pulls things down?',
  choices: [
    { id: 'a', text: 'Friction', correct: false },
    { id: 'b', text: 'Gravity', correct: true },
  ],
};

const BIN = path.resolve(__dirname, '..', 'bin', 'flipside.cjs');
const shots = process.env.PUBLISH_SHOTS;
const SCHEMAS = path.resolve(__dirname, '..', 'resources', 'schemas', 'cc11');

/** Debian's xmllint (libxml2), offline: the official files' imports are relative, so nothing is fetched. */
function xmllint(schema: string, file: string) {
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(SCHEMAS, schema), file], {
    encoding: 'utf8',
  });
}

function flipside(dataDir: string, ...args: string[]) {
  const env = { ...process.env };
  delete env.FLIPSIDE_DATA;
  return spawnSync(process.execPath, [BIN, ...args, '--data', dataDir], { encoding: 'utf8', env });
}

test('a two-lesson project becomes one Common Cartridge: the lesson on the class server as an LTI link, the other playing inside it, notes and description as pages', async ({
  host,
  page,
}) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const server = await startClassServer();
  try {
    const forces = await publishableLesson(host, 'Forces');
    const opened = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId: forces.lessonId });
    await rpc(host, 'app:editor.apply', {
      takeId: opened.takeId,
      baseRevision: opened.revision,
      notes: '# Forces\n\nNewton’s second law: a force changes motion.',
    });
    // Question ids are a recording's own: Energy asks the same question under its own id.
    const energy = await publishableLesson(host, 'Energy', [ENERGY_QUESTION], forces.projectId);
    await rpc(host, 'app:classroom.connect', { url: server.url, token: server.token });
    const onServer = await publishOverRpc(host, forces.lessonId, forces.renderId, 'classServer', { title: 'Forces' });
    const lessonUrl = onServer.job.output?.lessonUrl ?? '';
    expect(lessonUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/l\/[a-z0-9]+$/);

    // Links only: Energy was never published to the class server, and the refusal names it.
    await expect(
      rpc(host, 'app:publish.start', {
        lessonId: energy.lessonId,
        format: 'cc',
        renderIds: [energy.renderId],
        title: 'Physics',
        language: 'en',
        version: '1.0',
        masteryPercent: 80,
        completion: { minWatchedPercent: 90, requireAllRequiredCheckpoints: true },
        cartridgeLessons: 'link',
      }),
    ).rejects.toThrow(/“Energy” is not on the class server/);

    const { job, file } = await publishOverRpc(host, energy.lessonId, energy.renderId, 'cc', {
      title: 'Physics',
      description: 'Forces first, then energy.',
      cartridgeLessons: 'linkOrWeb',
    });
    expect(job.output?.name).toBe('physics-cc-1-0.imscc');
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.part'))).toEqual([]);
    const dir = await unzip(file);
    try {
      for (const [schema, xml] of [
        ['ccv1p1_imscp_v1p2_v1p0.xsd', 'imsmanifest.xml'],
        ['imslticc_v1p0p1.xsd', 'lesson-1/lti.xml'],
      ] as const) {
        const result = xmllint(schema, path.join(dir, xml));
        expect(result.stderr).toContain(`${path.join(dir, xml)} validates`);
        expect(result.status).toBe(0);
      }
      const manifest = fs.readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
      expect([...manifest.matchAll(/<item identifier="M_[^"]+">\s*<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual(
        ['Forces', 'Energy'],
      );
      // The link launches the lesson where the class server serves it (and reports the grade from there).
      expect(fs.readFileSync(path.join(dir, 'lesson-1', 'lti.xml'), 'utf8')).toContain(
        `<blti:launch_url>${lessonUrl}</blti:launch_url>`,
      );
      expect((await fetch(lessonUrl)).status).toBe(200);
      expect(fs.existsSync(path.join(dir, 'lesson-1', 'index.html'))).toBe(false);
      expect(fs.readFileSync(path.join(dir, 'lesson-1', 'notes', 'index.html'), 'utf8')).toContain(
        'Newton’s second law',
      );
      expect(fs.readFileSync(path.join(dir, 'about', 'index.html'), 'utf8')).toContain('Forces first, then energy.');

      // The web-content lesson plays from the cartridge's own files, as an LMS serving them would show it.
      await page.goto(pathToFileURL(path.join(dir, 'lesson-2', 'index.html')).href);
      const lesson = new PublishedLessonPage(page, false);
      await lesson.ready();
      await expect(page).toHaveTitle('Energy');
      await lesson.play();
      await lesson.expectQuestion('Which force pulls things down?');
      await lesson.answer('Gravity', 'Correct');
      await page.goto(pathToFileURL(path.join(dir, 'lesson-1', 'notes', 'index.html')).href);
      await expect(page.getByRole('heading', { name: 'Forces' }).first()).toBeVisible();
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // The CLI makes the same from the library, every lesson inside for a school without the server, and checks it.
    await host.stop();
    const out = path.join(host.dataDir, 'physics.imscc');
    const made = flipside(
      host.dataDir,
      'publish',
      '--lesson',
      forces.lessonId,
      '--format',
      'cc',
      '--lessons',
      'web',
      '--out',
      out,
    );
    expect(made.stderr).toMatch(/^Common Cartridge: \d+ files, 2 lessons, [\d.]+ MB$/m);
    expect(made.status).toBe(0);
    const checked = flipside(host.dataDir, 'check', out);
    expect(checked.stdout + checked.stderr).toContain('2 modules (Forces, Energy); 0 LTI links, 3 web content pages');
    expect(checked.status).toBe(0);
  } finally {
    await server.stop();
    server.remove();
  }
});

test('the Publish dialog’s Common Cartridge choice names the lessons not on the class server and says web content reports nothing', async ({
  host,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const forces = await publishableLesson(host, 'Forces');
  const energy = await publishableLesson(host, 'Energy', [ENERGY_QUESTION], forces.projectId);
  await page.goto(`${host.url}#/lesson/${energy.lessonId}`);
  const publish = new PublishDialog(page);
  await publish.open();
  await expect(publish.dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Energy');
  await publish.chooseFormat('Common Cartridge');
  // The cartridge is the project: an untouched title becomes the project's.
  await expect(publish.dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Maths');
  await expect(publish.cartridgeLessons('Links to the class server')).toBeDisabled();
  await expect(publish.cartridgeLessons('Links where I can')).toBeDisabled();
  await expect(publish.cartridgeLessons('The lessons themselves')).toBeChecked();
  await expect(publish.dialog.getByText('Not on the class server yet: “Forces”, “Energy”.')).toBeVisible();
  await expect(
    publish.dialog.getByText(
      'Every lesson will play inside the LMS, but nothing is reported: no progress, answers or scores reach the LMS gradebook or your Class results.',
    ),
  ).toBeVisible();
  if (shots) {
    await publish.dialog.getByText(/^Every lesson will play inside the LMS/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'pub-cc-dialog.png') });
  }
  await publish.publish();
  await expect(publish.dialog.getByText('The package is ready')).toBeVisible({ timeout: 60_000 });
  await expect(publish.dialog.getByText(/Import this file into your LMS course as a Common Cartridge/)).toBeVisible();
  // Save as… hands the teacher the cartridge under a readable name with the extension an LMS import looks for.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    publish.dialog.getByRole('button', { name: 'Save as…' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Maths (Common Cartridge, version 1.0).imscc');
  const file = testInfo.outputPath('Maths.imscc');
  await download.saveAs(file);
  expect(fs.readFileSync(file)).toEqual(
    fs.readFileSync(path.join(host.dataDir, 'media', forces.projectId, 'exports', 'maths-cc-1-0.imscc')),
  );
  const dir = await unzip(file);
  try {
    expect(fs.existsSync(path.join(dir, 'lesson-1', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'lesson-2', 'index.html'))).toBe(true);
    const result = xmllint('ccv1p1_imscp_v1p2_v1p0.xsd', path.join(dir, 'imsmanifest.xml'));
    expect(result.status).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
