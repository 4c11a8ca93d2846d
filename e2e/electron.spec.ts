import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { LessonPage } from './pages/LessonPage';
import { EditorPage } from './pages/EditorPage';
import { RendersPanel } from './pages/RendersPanel';
import { ffprobe, makeTestPatternClip } from './support/media';

const MAIN_ENTRY = path.resolve('out/main/index.js');

/**
 * Where the Electron binary is, or why it is missing. Found the way `require('electron')` finds it, without
 * requiring it: Electron's index.js starts a download when the binary is missing.
 */
function findElectron(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile))
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent)' };
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { missing: `the Electron binary is not at ${binary}` };
}

const found = findElectron();
const skipReason =
  'missing' in found
    ? `Electron app spec skipped: ${found.missing}. Install it with network access (npx install-electron) to run it; meanwhile every other spec runs the same UI in Chromium, served by Electron’s own app:// handler (parity.spec.ts).`
    : null;
if (skipReason) console.log(skipReason);

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication | undefined;
  let dataDir: string;
  /** Console lines Chromium printed for blocked loads: the app's real CSP, on its real origin. */
  let violations: string[];

  test.beforeEach(async () => {
    if ('missing' in found) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env))
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
    app = await electron.launch({
      executablePath: found.path,
      args: [MAIN_ENTRY],
      env: { ...env, FLIPSIDE_DATA: dataDir },
    });
    violations = [];
    app.on('window', (window) => {
      window.on('console', (message) => {
        if (/Content Security Policy|net::ERR_|Failed to load resource/.test(message.text()))
          violations.push(message.text());
      });
    });
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the library from app://studio with the production security settings', async () => {
    const window = await app!.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: /library/i })).toBeVisible();
    expect(new URL(window.url()).protocol).toBe('app:');

    const globals = await window.evaluate(() => ({
      bridgeKeys: Object.keys((Reflect.get(globalThis, 'studioBridge') as object | undefined) ?? {}).sort(),
      hasRequire: 'require' in globalThis,
      hasProcess: 'process' in globalThis,
    }));
    expect(globals).toEqual({ bridgeKeys: ['invoke', 'subscribe'], hasRequire: false, hasProcess: false });
  });

  test('the bridge reaches main for contract calls only', async () => {
    const window = await app!.firstWindow();
    const answers = await window.evaluate(async () => {
      const bridge = Reflect.get(globalThis, 'studioBridge') as {
        invoke(channel: string, input: unknown): Promise<unknown>;
      };
      return {
        info: await bridge.invoke('app:app.info', {}),
        unknown: await bridge.invoke('app:shell.exec', { command: 'ls' }),
      };
    });
    expect(answers.info).toMatchObject({ ok: true, value: { host: 'electron', dataDir: path.resolve(dataDir) } });
    expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  test('imports a video, plays it, opens the editor with its filmstrip, seeks, and renders, all from app://studio', async () => {
    test.setTimeout(180_000);
    const window = await app!.firstWindow();
    const clip = path.join(dataDir, '..', `flipside-electron-clip-${path.basename(dataDir)}.mp4`);
    makeTestPatternClip(clip, 4, 'mp4');
    try {
      const { lessonId } = await seed(window);
      const lesson = new LessonPage(window);
      await lesson.goto(APP_URL, lessonId, 'Forces');
      await lesson.importFile(clip);
      await expect(lesson.take(path.basename(clip, '.mp4'))).toBeVisible({ timeout: 30_000 });
      // The take plays from app://studio/media/…, the UI's own origin.
      await lesson.expectPlays();
      expect(await lesson.player.evaluate((video) => (video as unknown as { currentSrc: string }).currentSrc)).toMatch(
        /^app:\/\/studio\/media\//,
      );

      const editor = new EditorPage(window);
      await editor.goto(APP_URL, lessonId);
      // The filmstrip's worker fetched the take under connect-src 'self'.
      await expect
        .poll(
          () =>
            window
              .locator('.filmstrip-tile')
              .first()
              .evaluate((tile) => (tile as unknown as { style: { backgroundImage: string } }).style.backgroundImage),
          { timeout: 30_000 },
        )
        .toContain('blob:');
      await editor.seekToSecond(2);
      await expect
        .poll(() => editor.video.evaluate((video) => (video as unknown as { currentTime: number }).currentTime))
        .toBeCloseTo(2, 0);

      // The render worker fetches the take the same way, and main writes the MP4.
      await lesson.goto(APP_URL, lessonId, 'Forces');
      const panel = new RendersPanel(window);
      await panel.render(['360p']);
      await panel.waitDone('360p', 120_000);
      const renders = (await window.evaluate(
        (id) =>
          (
            Reflect.get(globalThis, 'studioBridge') as { invoke(channel: string, input: unknown): Promise<unknown> }
          ).invoke('app:renders.list', { lessonId: id }),
        lessonId,
      )) as { ok: true; value: { path: string }[] };
      const file = path.join(dataDir, 'media', ...(renders.value[0]?.path ?? '').split('/'));
      expect(ffprobe(file).durationS).toBeCloseTo(4, 0);
      expect(violations).toEqual([]);
    } finally {
      fs.rmSync(clip, { force: true });
    }
  });
});

const APP_URL = 'app://studio/index.html';

/** A project with one lesson, made through the bridge as the UI would. */
async function seed(window: Page): Promise<{ lessonId: string }> {
  return window.evaluate(async () => {
    const bridge = Reflect.get(globalThis, 'studioBridge') as {
      invoke(channel: string, input: unknown): Promise<{ ok: boolean; value: { id: string } }>;
    };
    const project = await bridge.invoke('app:projects.create', { title: 'Physics 101' });
    const lesson = await bridge.invoke('app:lessons.add', { projectId: project.value.id, title: 'Forces' });
    return { lessonId: lesson.value.id };
  });
}
