import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startHost } from '../host';
import { RecorderPage } from '../pages/RecorderPage';
import { decodeCallFrame } from '../../src/shared/contract/wire';
import { listTakes, seedLesson } from '../support/rpc';
import { logFileOf } from '../../src/main/logging/log';
import { chromiumKindOf, ourChromiumPids } from './chromiumProcesses';

/** Seconds to record: two minutes by default, the hour issue 18 asks about with `npm run bench -- --long`. */
const RECORD_S = Number(process.env.BENCH_RECORD_SECONDS ?? 120);
/** The goals for an hour (issue 18.4), scaled down for shorter runs only in what is printed, never in the check. */
const GROWTH_GOAL_BYTES = 50 * 1024 * 1024;
const FINISH_GOAL_MS = 10_000;
/** Memory in the first seconds is the recorder warming up (encoders, first buffers), not growth. */
const WARM_UP_S = 15;

interface Sample {
  t: number;
  heap: number;
  main: number;
  chromium: number;
  /** The same by kind of Chromium process (renderer, gpu-process, utility…): where growth is, when there is some. */
  kinds: ReadonlyMap<string, number>;
}

function vmKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0);
  } catch {
    return 0; // The process ended between listing and reading.
  }
}

/** Proportional set size: a shared page counts once across the processes sharing it, so a sum is honest. */
/**
 * A process's share of anonymous and shared memory (Pss_Anon + Pss_Shmem): what it allocates, including the frame
 * buffers Chromium's processes share with each other. File-backed pages (the browser binary's code) are left out:
 * their share moves whenever another Chromium on the machine starts or quits, which is not our growth.
 */
function allocatedPssKb(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return field('Pss_Anon') + field('Pss_Shmem');
  } catch {
    return 0;
  }
}

/**
 * Memory (anonymous and shared PSS) of every Chromium process this test worker started (browser, renderers, GPU,
 * utility), in all and by kind: what the studio's window costs on top of its main process.
 */
function chromiumAllocated(): { total: number; kinds: Map<string, number> } {
  const kinds = new Map<string, number>();
  for (const pid of ourChromiumPids()) {
    const kind = chromiumKindOf(pid);
    kinds.set(kind, (kinds.get(kind) ?? 0) + allocatedPssKb(pid) * 1024);
  }
  return { total: [...kinds.values()].reduce((sum, bytes) => sum + bytes, 0), kinds };
}

/** Least-squares slope of y over t (per second). */
function slope(points: { t: number; y: number }[]): number {
  const n = points.length;
  const mt = points.reduce((sum, p) => sum + p.t, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const num = points.reduce((sum, p) => sum + (p.t - mt) * (p.y - my), 0);
  const den = points.reduce((sum, p) => sum + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : num / den;
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

/** The parts of `recordings.finish` as main logged them (each track's index or remux, the hold), or a note that it did not. */
function finishParts(dataDir: string): string {
  const log = fs.readFileSync(logFileOf(dataDir), 'utf8');
  return /Finished take \S+ in (.*)$/m.exec(log)?.[1] ?? 'not logged';
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
    const { lessonId } = await seedLesson(host);
    const recorder = new RecorderPage(page);
    await recorder.goto(host.url, lessonId);
    await recorder.chooseMode('Screen + camera');
    await recorder.expectCameraLive();
    await recorder.chooseScreen();
    await recorder.setCountdown(false);

    // Every appendChunk answer: which track, which index, how long the upload took.
    const chunks: { role: string; index: number; ms: number; bytes: number }[] = [];
    const started = new Map<string, number>();
    page.on('request', (request) => {
      if (request.url().includes('recordings.appendChunk'))
        started.set(request.url() + (request.postData()?.slice(0, 200) ?? ''), Date.now());
    });
    page.on('requestfinished', (request) => {
      if (!request.url().includes('recordings.appendChunk')) return;
      const body = request.postData() ?? '';
      const key = request.url() + body.slice(0, 200);
      const meta = /"role":"(\w+)","index":(\d+)/.exec(body);
      chunks.push({
        role: meta?.[1] ?? '?',
        index: Number(meta?.[2] ?? -1),
        ms: Date.now() - (started.get(key) ?? Date.now()),
        bytes: body.length * 0.75,
      });
      started.delete(key);
    });
    // Chunks of 256 KiB or more go over the calls socket (see src/main/host/callSocket.ts), answered by id.
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/calls')) return;
      const sent = new Map<number, { role: string; index: number; at: number; bytes: number }>();
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string') return;
        const { id, channel, input } = decodeCallFrame(payload);
        if (!channel.endsWith('recordings.appendChunk')) return;
        const { role, index, data } = input as { role: string; index: number; data: Uint8Array };
        sent.set(id, { role, index, at: Date.now(), bytes: data.byteLength });
      });
      socket.on('framereceived', ({ payload }) => {
        const id = (JSON.parse(String(payload)) as { id?: number }).id ?? -1;
        const call = sent.get(id);
        if (!call) return;
        sent.delete(id);
        chunks.push({ role: call.role, index: call.index, ms: Date.now() - call.at, bytes: call.bytes });
      });
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const samples: Sample[] = [];
    const t0 = Date.now();
    await recorder.record();
    const sampler = setInterval(
      () => {
        void cdp.send('Performance.getMetrics').then(({ metrics }) => {
          const chromium = chromiumAllocated();
          const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
          samples.push({
            t: (Date.now() - t0) / 1000,
            heap,
            main: vmKb(host.pid, 'VmRSS') * 1024,
            chromium: chromium.total,
            kinds: chromium.kinds,
          });
        });
      },
      RECORD_S > 600 ? 5_000 : 1_000,
    );
    await page.waitForTimeout(RECORD_S * 1000);
    clearInterval(sampler);
    const peakHostRss = vmKb(host.pid, 'VmHWM') * 1024;
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
    await expect(page.getByRole('heading', { level: 1, name: 'Forces', exact: true })).toBeVisible({
      timeout: 120_000,
    });
    const finishMs = performance.now() - stopped;
    const [take] = await listTakes(host, lessonId);

    const byRole = new Map<string, number[]>();
    for (const chunk of chunks) byRole.set(chunk.role, [...(byRole.get(chunk.role) ?? []), chunk.index]);
    const gaps = [...byRole.values()].reduce((sum, indexes) => {
      const sorted = [...indexes].sort((a, b) => a - b);
      return (
        sum + sorted.reduce((missing, index, i) => missing + (i > 0 ? index - (sorted[i - 1] ?? 0) - 1 : index), 0)
      );
    }, 0);
    // Chunks of one file answered out of their order (each is written where its index says, but a late one is a
    // sign the uploads queue up).
    const outOfOrder = [...byRole.values()].reduce(
      (sum, indexes) => sum + indexes.filter((index, i) => i > 0 && index < (indexes[i - 1] ?? 0)).length,
      0,
    );
    const late = chunks.filter((chunk) => chunk.ms > 1000).length;
    const fileBytes = take?.files.reduce((sum, file) => sum + file.sizeBytes, 0) ?? 0;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const heapGrowth = slope(samples.map((s) => ({ t: s.t, y: s.heap }))) * 60;
    const mainGrowth = growth(samples, (sample) => sample.main);
    const chromiumGrowth = growth(samples, (sample) => sample.chromium);
    const kindGrowth = [...new Set(samples.flatMap((sample) => [...sample.kinds.keys()]))].map(
      (kind) => `${kind} ${mb(growth(samples, (sample) => sample.kinds.get(kind) ?? 0))}`,
    );
    const videos = take?.files.filter((file) => file.width !== null) ?? [];
    const report = [
      `recorded ${RECORD_S} s of screen + camera; take ${((take?.durationMs ?? 0) / 1000).toFixed(2)} s, ${take?.files.length ?? 0} files, ${mb(fileBytes)}`,
      `chunks written: ${chunks.length} (${[...byRole].map(([role, list]) => `${role} ${list.length}`).join(', ')})`,
      `dropped (index gaps): ${gaps}; late (upload > 1 s): ${late}; slowest upload ${Math.max(0, ...chunks.map((c) => c.ms))} ms`,
      `bytes per second to disk: ${mb(fileBytes / RECORD_S)}/s`,
      `page JS heap: peak ${mb(Math.max(...samples.map((s) => s.heap)))}, growth ${mb(heapGrowth)}/min (linear fit over ${samples.length} samples)`,
      `pictures: ${videos.map((file) => `${file.role} ${String(file.width)}x${String(file.height)}`).join(', ')}`,
      `chunks out of order: ${outOfOrder}`,
      `main (host) process: peak RSS ${mb(peakHostRss)}, growth after warm-up ${mb(mainGrowth)} (goal < ${mb(GROWTH_GOAL_BYTES)})`,
      `Chromium (browser, renderer, GPU), all processes: peak anonymous+shared PSS ${mb(Math.max(...samples.map((s) => s.chromium)))}, growth after warm-up ${mb(chromiumGrowth)} (goal < ${mb(GROWTH_GOAL_BYTES)})`,
      `  growth by kind of process: ${kindGrowth.join(', ')}`,
      `Stop to take ready: ${(finishMs / 1000).toFixed(1)} s (goal < ${FINISH_GOAL_MS / 1000} s)`,
      `  last chunks uploaded: ${seconds(finishSent - stopped)}; finish in main: ${seconds(finishAnswered - finishSent)}; lesson page: ${seconds(stopped + finishMs - finishAnswered)}`,
      `  in main: ${finishParts(dataDir)}`,
    ];
    console.log(`\n${report.join('\n')}\n`);
    expect(gaps).toBe(0);
    expect(outOfOrder).toBe(0);
    expect(mainGrowth).toBeLessThan(GROWTH_GOAL_BYTES);
    expect(chromiumGrowth).toBeLessThan(GROWTH_GOAL_BYTES);
    expect(finishMs).toBeLessThan(FINISH_GOAL_MS);
  } finally {
    await context.close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
