import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { RendersPanel } from '../pages/RendersPanel';
import { ffprobe, makeClip } from '../support/media';
import { rpc, seedLesson } from '../support/rpc';
import type { Render } from '../../src/shared/media/renders';
import { setCuts } from '../renderMedia';
import { addTake } from '../support/editorLesson';
import {
  endedChildrenCpuSeconds,
  memoryOf,
  ourChromiumPids,
  removeProfile,
  sampleThreadCpu,
} from './chromiumProcesses';
import { renderSeconds, renderWithoutDevTools, warmProfile } from './renderWithoutDevTools';

/**
 * Issue 18's goals, measured on this machine: our render of a 5-minute 720p lesson (3 cuts, camera bubble) against
 * Debian's native ffmpeg doing the same job (≥ 1.5x faster as the median of three runs in turns). Ours is timed as
 * the desktop app runs it, with no DevTools session (renderWithoutDevTools.ts), and once more from the lesson
 * screen in Playwright's browser, whose protocol calls cost the page CPU the app never spends. The copy paths
 * (cut-only and smart cut) are measured on a 20-minute take in copy.bench.ts.
 */
const SECONDS = 300;
const CUTS = [
  { start: 40_000, end: 55_000 },
  { start: 120_000, end: 131_000 },
  { start: 200_000, end: 230_000 },
];
const LESSON_S = (SECONDS * 1000 - CUTS.reduce((sum, cut) => sum + cut.end - cut.start, 0)) / 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-bench-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: 'inherit' });

function makeTakes(): { screen: string; camera: string } {
  const screen = path.join(dir, 'screen.mp4');
  const camera = path.join(dir, 'camera.mp4');
  makeClip(
    screen,
    {
      video: `testsrc2=size=1280x720:rate=30:duration=${SECONDS}`,
      audio: `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`,
    },
    { keyframeEvery: 30, onlyThoseKeyframes: true, videoBitrate: '2500k' },
  );
  makeClip(camera, { video: `testsrc=size=640x360:rate=30:duration=${SECONDS}` });
  return { screen, camera };
}

/** The same job for native ffmpeg: the kept ranges concatenated, the camera overlaid as the bubble, x264 veryfast + Opus. */
function nativeRender(files: { screen: string; camera: string }, out: string): { seconds: number; cpuSeconds: number } {
  const kept: [number, number][] = [];
  let from = 0;
  for (const cut of CUTS) {
    kept.push([from / 1000, cut.start / 1000]);
    from = cut.end;
  }
  kept.push([from / 1000, SECONDS]);
  const parts = kept.map(
    ([start, end], i) =>
      `[0:v]trim=${start}:${end},setpts=PTS-STARTPTS[v${i}];[0:a]atrim=${start}:${end},asetpts=PTS-STARTPTS[a${i}];[1:v]trim=${start}:${end},setpts=PTS-STARTPTS[c${i}]`,
  );
  const n = kept.length;
  const graph = [
    ...parts,
    `${kept.map((_, i) => `[v${i}][a${i}]`).join('')}concat=n=${n}:v=1:a=1[v][a]`,
    `${kept.map((_, i) => `[c${i}]`).join('')}concat=n=${n}:v=1:a=0[c]`,
    '[c]scale=282:282[cs]',
    '[v][cs]overlay=W-w-32:H-h-32[out]',
  ].join(';');
  const started = performance.now();
  const cpuBefore = endedChildrenCpuSeconds();
  ffmpeg(
    '-i',
    files.screen,
    '-i',
    files.camera,
    '-filter_complex',
    graph,
    '-map',
    '[out]',
    '-map',
    '[a]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-c:a',
    'libopus',
    '-b:a',
    '128k',
    '-movflags',
    '+faststart',
    out,
  );
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: endedChildrenCpuSeconds() - cpuBefore };
}

/**
 * Picture quality outside the camera bubble: SSIM (ffmpeg's filter, luma and chroma together) of a render against
 * the screen recording, over the lesson's first part (before the first cut, so frame for frame the same source
 * time), on the left three quarters of the frame, where neither render puts its bubble. Issue 18.5 holds a hardware
 * encoder to the software encoder's figure here. Native ffmpeg encodes at x264's default quality (CRF 23), not at
 * our bitrate, so its figure is a reference, not a like-for-like comparison.
 */
function ssimOutsideBubble(rendered: string, screen: string): number {
  const region = `trim=0:${(CUTS[0]?.start ?? 0) / 1000},setpts=PTS-STARTPTS,crop=iw*3/4:ih:0:0`;
  const graph = `[0:v]${region}[a];[1:v]${region}[b];[a][b]ssim`;
  const run = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-i', rendered, '-i', screen, '-filter_complex', graph, '-an', '-f', 'null', '-'],
    {
      encoding: 'utf8',
    },
  );
  const all = /SSIM .* All:([\d.]+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || !all) throw new Error(`ffmpeg could not measure SSIM: ${run.stderr.slice(-400)}`);
  return Number(all);
}

/** Resident memory of the Chromium processes this test started, together (MiB), sampled twice a second while a render runs. */
function sampleChromiumMemory(): () => { peakMiB: number; firstHalfPeakMiB: number; secondHalfPeakMiB: number } {
  const samples: number[] = [];
  const timer = setInterval(() => {
    samples.push(ourChromiumPids().reduce((sum, pid) => sum + memoryOf(pid).rss, 0) / 2 ** 20);
  }, 500);
  return () => {
    clearInterval(timer);
    const half = Math.floor(samples.length / 2);
    return {
      peakMiB: Math.max(...samples),
      firstHalfPeakMiB: Math.max(...samples.slice(0, half)),
      secondHalfPeakMiB: Math.max(...samples.slice(half)),
    };
  };
}

/** From the click that opens the render dialog to the finished file, looked for every 50 ms (a retrying assertion backs off to a second, a fifth of a fast-path render). */
async function timeOurs(panel: RendersPanel, label: string): Promise<{ seconds: number; status: string }> {
  const started = performance.now();
  await panel.render([label]);
  await expect
    .poll(() => panel.job(label).getAttribute('data-state'), { intervals: [50], timeout: 600_000 })
    .toMatch(/done|failed/);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, status: await panel.waitDone(label) };
}

/** Our render and native ffmpeg's, in turns, so a busy spell on the machine falls on both alike. */
const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 3);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

test('render speed against native ffmpeg (median of three)', async ({ page, host }) => {
  test.setTimeout(1_800_000);
  const files = makeTakes();

  // One lesson per render: each is a first render of its lesson, as a teacher's is.
  const lessons: string[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const { lessonId } = await seedLesson(host, 'Bench', `Full render ${run}`);
    await addTake(host, lessonId, files);
    await setCuts(host, lessonId, CUTS);
    lessons.push(lessonId);
  }
  const [inWindow, ...timed] = lessons;
  if (!inWindow) throw new Error('No lesson to render');

  // Once from the lesson screen, clicked as a teacher would, in Playwright's browser: the path works, and its cost.
  await page.goto(`${host.url}#/lesson/${inWindow}`);
  const stopMemory = sampleChromiumMemory();
  const stopWindowCpu = sampleThreadCpu();
  const windowed = await timeOurs(new RendersPanel(page), '720p');
  const memory = stopMemory();
  const windowCpu = stopWindowCpu().lines;
  // A full render says only its time (and the graphics hardware, where that encoded it); a copy path would name
  // itself and would not be the job compared.
  expect(windowed.status).toMatch(/Done in \d+ s( \(encoded by the graphics hardware\))?$/);
  const encoder = windowed.status.includes('graphics hardware') ? 'hardware encoder' : 'software encoder';
  const [windowedRender] = await rpc<Render[]>(host, 'app:renders.list', { lessonId: inWindow });
  if (!windowedRender) throw new Error('The render from the lesson screen is not in the library');
  const ourQuality = ssimOutsideBubble(
    path.join(host.dataDir, 'media', ...windowedRender.path.split('/')),
    files.screen,
  );
  await page.goto('about:blank');

  // Then in turns with native ffmpeg, on the render page in a Chromium with no DevTools session, as the app runs it.
  const runs: { ours: number; wall: number; native: number; oursCpu: number; nativeCpu: number }[] = [];
  let nativeQuality: number | null = null;
  const cpu: string[][] = [];
  const profile = await warmProfile();
  try {
    for (const lessonId of timed) {
      const stopCpu = sampleThreadCpu();
      const { render, wallSeconds } = await renderWithoutDevTools(host, lessonId, undefined, profile);
      const oursCpu = stopCpu();
      cpu.push(oursCpu.lines);
      expect(Math.abs(render.durationMs / 1000 - LESSON_S)).toBeLessThan(0.2);
      const nativeOut = path.join(dir, 'native.mp4');
      const native = nativeRender(files, nativeOut);
      expect(Math.abs(ffprobe(nativeOut).durationS - LESSON_S)).toBeLessThan(0.2);
      nativeQuality ??= ssimOutsideBubble(nativeOut, files.screen);
      runs.push({
        ours: renderSeconds(render),
        wall: wallSeconds,
        native: native.seconds,
        oursCpu: oursCpu.seconds,
        nativeCpu: native.cpuSeconds,
      });
    }
  } finally {
    await removeProfile(profile);
  }

  const ratios = runs.map((run) => run.native / run.ours);
  const ratio = median(ratios);
  // Our CPU is sampled from Chromium's launch to its exit, so it is set against that wall time.
  const cores = (cpuSeconds: number, seconds: number) =>
    `${cpuSeconds.toFixed(0)} s (${(cpuSeconds / seconds).toFixed(2)} of ${os.cpus().length} cores)`;
  const speed = (seconds: number) => `${seconds.toFixed(1)} s = ${(LESSON_S / seconds).toFixed(1)}x real time`;
  console.log(
    [
      `lesson: ${LESSON_S} s of a ${SECONDS} s 720p30 take, 3 cuts, camera bubble; machine load ${os.loadavg()[0]?.toFixed(1) ?? '?'} on ${os.cpus().length} cores`,
      `from the lesson screen with Playwright attached (click to finished file): ${speed(windowed.seconds)}`,
      ...runs.map(
        (run, at) =>
          `run ${at + 1}: ours (WebCodecs, renders.begin to finish; ${run.wall.toFixed(1)} s from Chromium's launch) ${speed(run.ours)}; native ffmpeg (x264 veryfast + opus) ${speed(run.native)}; ratio ${(ratios[at] ?? 0).toFixed(2)}x; CPU ours ${cores(run.oursCpu, run.wall)}, native ${cores(run.nativeCpu, run.native)}`,
      ),
      `ours is ${ratio.toFixed(2)}x faster than native, median of ${RUNS} (goal 1.5x)`,
      `picture quality outside the bubble (SSIM against the recording, first ${(CUTS[0]?.start ?? 0) / 1000} s): ours ${ourQuality.toFixed(4)} (${encoder}, from the lesson screen), native ffmpeg ${nativeQuality?.toFixed(4) ?? '?'}`,
      `Chromium memory during the render from the lesson screen (all processes, RSS): peak ${memory.peakMiB.toFixed(0)} MiB; first half ${memory.firstHalfPeakMiB.toFixed(0)}, second half ${memory.secondHalfPeakMiB.toFixed(0)}`,
      "CPU by thread in the render from the lesson screen (Chromium's processes):",
      ...windowCpu,
      ...cpu.flatMap((lines, at) => [`CPU by thread in run ${at + 1}:`, ...lines]),
    ].join('\n'),
  );
  expect.soft(ratio).toBeGreaterThanOrEqual(1.5);
});
