import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, chromium, type Page } from '@playwright/test';
import { startHost, type RunningHost } from '../host';
import { RecorderPage } from '../pages/RecorderPage';
import { FAKE_MEDIA_LAUNCH } from '../chromium';
import { listTakes, seedLesson } from '../support/rpc';
import { logFileOf } from '../../src/main/logging/log';
import { chromiumAllocated, removeProfile, stopChromium, vmBytes } from './chromiumProcesses';
import { countChunks, chunkReport } from './recordChunks';

/** Seconds to record: two minutes by default, the hour issue 18 asks about with `npm run bench -- --long`. */
const RECORD_S = Number(process.env.BENCH_RECORD_SECONDS ?? 120);
/** The goals for an hour (issue 18.4), scaled down for shorter runs only in what is printed, never in the check. */
const GROWTH_GOAL_BYTES = 50 * 1024 * 1024;
const FINISH_GOAL_MS = 10_000;
/** Memory in the first seconds is the recorder warming up (encoders, first buffers), not growth. */
const WARM_UP_S = 15;

interface Sample {
  t: number;
  main: number;
  chromium: number;
  /** The same by kind of Chromium process (renderer, gpu-process, utility…): where growth is, when there is some. */
  kinds: ReadonlyMap<string, number>;
}

/** Growth over the run after warm-up: the last minute's mean against the first minute's (less noisy than two points). */
function growth(samples: readonly Sample[], pick: (sample: Sample) => number): number {
  const settled = samples.filter((sample) => sample.t >= WARM_UP_S);
  const window = Math.min(60, Math.max(5, (RECORD_S - WARM_UP_S) / 4));
  const mean = (list: readonly Sample[]) =>
    list.reduce((sum, sample) => sum + pick(sample), 0) / Math.max(1, list.length);
  const first = settled.filter((sample) => sample.t < WARM_UP_S + window);
  const last = settled.filter((sample) => sample.t > RECORD_S - window);
  return mean(last) - mean(first);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Main's memory (RSS) and that of the Chromium processes under `chromiumRoot` (anonymous and shared PSS), every
 * second (every five on runs over ten minutes), read from /proc: nothing is asked of the page.
 */
function sampleMemory(hostPid: number, chromiumRoot?: number): () => Sample[] {
  const t0 = Date.now();
  const samples: Sample[] = [];
  const timer = setInterval(
    () => {
      const allocated = chromiumAllocated(chromiumRoot);
      samples.push({
        t: (Date.now() - t0) / 1000,
        main: vmBytes(hostPid, 'VmRSS'),
        chromium: allocated.total,
        kinds: allocated.kinds,
      });
    },
    RECORD_S > 600 ? 5_000 : 1_000,
  );
  return () => {
    clearInterval(timer);
    return samples;
  };
}

/** A lesson's recorder, screen + camera, no countdown: one click on Record away from recording. */
async function readyToRecord(page: Page, host: RunningHost): Promise<{ recorder: RecorderPage; lessonId: string }> {
  const { lessonId } = await seedLesson(host);
  const recorder = new RecorderPage(page);
  await recorder.readyToRecord(host.url, lessonId, 'Screen + camera');
  return { recorder, lessonId };
}

/** Stop, timed to the lesson page, with its parts: the last uploads, `recordings.finish` in main, the page. */
async function stopTimed(
  page: Page,
  recorder: RecorderPage,
  dataDir: string,
): Promise<{ ms: number; parts: string[] }> {
  let finishSent = 0;
  let finishAnswered = 0;
  page.on('request', (request) => {
    if (request.url().includes('recordings.finish')) finishSent = performance.now();
  });
  page.on('requestfinished', (request) => {
    if (request.url().includes('recordings.finish')) finishAnswered = performance.now();
  });
  const stopped = performance.now();
  await recorder.stop();
  await expect(page.getByRole('heading', { level: 1, name: 'Forces', exact: true })).toBeVisible({ timeout: 120_000 });
  const ms = performance.now() - stopped;
  const log = fs.readFileSync(logFileOf(dataDir), 'utf8');
  return {
    ms,
    parts: [
      `  last chunks uploaded: ${seconds(finishSent - stopped)}; finish in main: ${seconds(finishAnswered - finishSent)}; lesson page: ${seconds(stopped + ms - finishAnswered)}`,
      `  in main: ${/Finished take \S+ in (.*)$/m.exec(log)?.[1] ?? 'not logged'}`,
    ],
  };
}

/** The take, memory and finish figures both runs print, and the checks both make. */
async function reportAndCheck(
  label: string,
  host: RunningHost,
  lessonId: string,
  samples: readonly Sample[],
  finish: { ms: number; parts: string[] },
  extra: readonly string[],
): Promise<void> {
  const [take] = await listTakes(host, lessonId);
  const fileBytes = take?.files.reduce((sum, file) => sum + file.sizeBytes, 0) ?? 0;
  const mainGrowth = growth(samples, (sample) => sample.main);
  const chromiumGrowth = growth(samples, (sample) => sample.chromium);
  const kinds = [...new Set(samples.flatMap((sample) => [...sample.kinds.keys()]))];
  const videos = take?.files.filter((file) => file.width !== null) ?? [];
  console.log(
    [
      '',
      `${label}: recorded ${RECORD_S} s of screen + camera; take ${((take?.durationMs ?? 0) / 1000).toFixed(2)} s, ${take?.files.length ?? 0} files, ${mb(fileBytes)} (${mb(fileBytes / RECORD_S)}/s)`,
      `pictures: ${videos.map((file) => `${file.role} ${String(file.width)}x${String(file.height)}`).join(', ')}`,
      ...extra,
      `main (host) process: peak RSS ${mb(vmBytes(host.pid, 'VmHWM'))}, growth after warm-up ${mb(mainGrowth)} (goal < ${mb(GROWTH_GOAL_BYTES)})`,
      `Chromium (browser, renderer, GPU), all processes: peak anonymous+shared PSS ${mb(Math.max(...samples.map((s) => s.chromium)))}, growth after warm-up ${mb(chromiumGrowth)} (goal < ${mb(GROWTH_GOAL_BYTES)})`,
      `  growth by kind of process: ${kinds.map((kind) => `${kind} ${mb(growth(samples, (sample) => sample.kinds.get(kind) ?? 0))}`).join(', ')}`,
      `Stop to take ready: ${seconds(finish.ms)} (goal < ${FINISH_GOAL_MS / 1000} s)`,
      ...finish.parts,
      '',
    ].join('\n'),
  );
  // Recorded all along: the take is as long as the recording (Stop's click takes a moment to reach the page).
  expect(Math.abs((take?.durationMs ?? 0) / 1000 - RECORD_S)).toBeLessThan(5);
  expect(mainGrowth).toBeLessThan(GROWTH_GOAL_BYTES);
  expect(chromiumGrowth).toBeLessThan(GROWTH_GOAL_BYTES);
  expect(finish.ms).toBeLessThan(FINISH_GOAL_MS);
}

test(`records ${RECORD_S} s of a 1080p screen and 720p camera: chunks in order, flat memory, a quick finish`, async ({
  browser,
}) => {
  test.setTimeout(RECORD_S * 1000 + 300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-bench-'));
  const host = await startHost(dataDir);
  // The screen is this tab, captured at its own size: a 1080p desktop.
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 1920, height: 1080 },
  });
  await context.grantPermissions(['camera', 'microphone'], { origin: host.origin });
  const page = await context.newPage();
  try {
    const { recorder, lessonId } = await readyToRecord(page, host);
    const chunks = countChunks(page);
    await recorder.record();
    const stopSampling = sampleMemory(host.pid);
    await page.waitForTimeout(RECORD_S * 1000);
    const samples = stopSampling();
    const finish = await stopTimed(page, recorder, dataDir);
    const counted = chunkReport(chunks);
    await reportAndCheck('Playwright attached, every chunk watched', host, lessonId, samples, finish, counted.lines);
    expect(counted.gaps).toBe(0);
    expect(counted.outOfOrder).toBe(0);
  } finally {
    await context.close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * Chromium with the fake devices and a 1080p window, for DevTools to come and go: its endpoint, once it listens.
 * The camera and microphone are allowed to `origin` in the profile, as a teacher's "Allow" would leave them:
 * permissions granted over DevTools are withdrawn when it disconnects, and the devices with them.
 */
async function spawnChromium(profile: string, origin: string): Promise<{ process: ChildProcess; endpoint: string }> {
  const allowed = { [`${origin},*`]: { setting: 1 } };
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      profile: { content_settings: { exceptions: { media_stream_camera: allowed, media_stream_mic: allowed } } },
    }),
  );
  const child = spawn(
    FAKE_MEDIA_LAUNCH.executablePath ?? 'chromium',
    [
      ...(FAKE_MEDIA_LAUNCH.args ?? []),
      '--headless=new',
      // A 1080p page while it is shared, as the attached run's viewport: the window's frame takes 143 px and the
      // "sharing this tab" bar 58 px, and the window must fit the screen.
      '--screen-info={1920x1300}',
      '--window-size=1920,1281',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = '';
    child.stderr.on('data', (data: Buffer) => {
      said += data.toString();
      const listening = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${String(code)}) before listening: ${said}`)));
  });
  return { process: child, endpoint };
}

/**
 * Issue 18.4's memory without Playwright's cost in it: Playwright sets the recording going, then disconnects, so no
 * DevTools session is attached while it records (the desktop app has none), and connects again to press Stop.
 * The attached run above counts the chunks; this one reads memory from /proc only.
 */
test(`records ${RECORD_S} s with no DevTools session attached while it records, as the desktop app does`, async () => {
  test.setTimeout(RECORD_S * 1000 + 300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-bench-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-bench-profile-'));
  const host = await startHost(dataDir);
  const { process: browserProcess, endpoint } = await spawnChromium(profile, host.origin);
  try {
    let browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = context.pages()[0] ?? (await context.newPage());
    const { recorder, lessonId } = await readyToRecord(page, host);
    await recorder.record();
    // Disconnects without closing the window: the default context and its page stay.
    await browser.close();
    const stopSampling = sampleMemory(host.pid, browserProcess.pid);
    await new Promise((resolve) => setTimeout(resolve, RECORD_S * 1000));
    const samples = stopSampling();
    browser = await chromium.connectOverCDP(endpoint);
    const again = browser
      .contexts()[0]
      ?.pages()
      .find((open) => open.url().startsWith(host.origin));
    if (!again) throw new Error('The recording page is gone');
    const finish = await stopTimed(again, new RecorderPage(again), dataDir);
    await reportAndCheck('no DevTools session while recording', host, lessonId, samples, finish, []);
    await browser.close();
  } finally {
    await stopChromium(browserProcess);
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await removeProfile(profile);
  }
});
