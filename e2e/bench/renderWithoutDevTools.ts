import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rpc, type HostAddress } from '../support/rpc';
import type { Render } from '../../src/shared/media/renders';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { removeProfile, stopChromium } from './chromiumProcesses';

/**
 * Renders a lesson on the page `flipside render` drives (the same render code the lesson screen queues), opened by a
 * Chromium started here with nothing speaking DevTools to it, as the desktop app runs a render. Playwright's
 * session costs what the app never pays: a network buffer on the render Worker of about 200 MiB, and CPU on the
 * page's main thread for every protocol call. `watch` is called with Chromium's process id as it starts; what it
 * returns is called when the render is ready; `profile` is a Chromium profile to use and keep (see warmProfile), else
 * a fresh one is made and removed. Answers the render as main recorded it, with the wall-clock seconds
 * from Chromium's start (its launch and the page's load included).
 */
export async function renderWithoutDevTools(
  host: HostAddress & { readonly url: string },
  lessonId: string,
  watch: (chromiumPid: number) => () => void = () => () => undefined,
  profile?: string,
): Promise<{ render: Render; wallSeconds: number }> {
  const profileDir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-profile-'));
  const before = new Set((await rpc<Render[]>(host, 'app:renders.list', { lessonId })).map((render) => render.id));
  const started = performance.now();
  const chromium = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${profileDir}`,
      `${host.url}#/render-job/${encodeURIComponent(lessonId)}?height=720`,
    ],
    { stdio: 'ignore' },
  );
  const stopWatching = watch(chromium.pid ?? -1);
  try {
    const exited = new Promise<never>((_, reject) =>
      chromium.once('exit', (code) =>
        reject(new Error(`Chromium exited (${String(code)}) before the render was done`)),
      ),
    );
    const ready = (async () => {
      for (;;) {
        const renders = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
        const render = renders.find((each) => !before.has(each.id) && each.status === 'ready');
        if (render) return render;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const render = await Promise.race([ready, exited]);
    const wallSeconds = (performance.now() - started) / 1000;
    stopWatching();
    return { render, wallSeconds };
  } finally {
    await stopChromium(chromium);
    if (!profile) await removeProfile(profileDir);
  }
}

/**
 * A Chromium profile that has been opened once, for timed renders: the desktop app's Chromium has long done its
 * first-run set-up (a fresh profile's cost several CPU-seconds in the browser process, measured during a render).
 */
export async function warmProfile(): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-profile-'));
  const chromium = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: 'ignore',
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  await stopChromium(chromium);
  return profile;
}

/** A render's own time as main recorded it: from `renders.begin` (the plan made) to `renders.finish`. */
export const renderSeconds = (render: Render): number =>
  ((render.finishedAt ?? render.createdAt) - render.createdAt) / 1000;
