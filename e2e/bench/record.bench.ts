import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startHost } from '../host';
import { RecorderPage } from '../pages/RecorderPage';
import { listTakes, seedLesson } from '../support/rpc';

const RECORD_S = Number(process.env.BENCH_SECONDS ?? 60);

interface Sample {
  t: number;
  heap: number;
  rss: number;
}

function vmKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
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

test(`records ${RECORD_S} s of screen + camera and reports throughput and memory`, async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-bench-'));
  const host = await startHost(dataDir);
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
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

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const samples: Sample[] = [];
    const t0 = Date.now();
    await recorder.record();
    const sampler = setInterval(() => {
      void cdp.send('Performance.getMetrics').then(({ metrics }) => {
        const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
        samples.push({ t: (Date.now() - t0) / 1000, heap, rss: vmKb(host.pid, 'VmRSS') * 1024 });
      });
    }, 1000);
    await page.waitForTimeout(RECORD_S * 1000);
    clearInterval(sampler);
    const peakHostRss = vmKb(host.pid, 'VmHWM') * 1024;
    await recorder.stop();
    await expect(page.getByRole('heading', { level: 1, name: 'Forces', exact: true })).toBeVisible({ timeout: 60_000 });
    const [take] = await listTakes(host, lessonId);

    const byRole = new Map<string, number[]>();
    for (const chunk of chunks) byRole.set(chunk.role, [...(byRole.get(chunk.role) ?? []), chunk.index]);
    const gaps = [...byRole.values()].reduce((sum, indexes) => {
      const sorted = [...indexes].sort((a, b) => a - b);
      return (
        sum + sorted.reduce((missing, index, i) => missing + (i > 0 ? index - (sorted[i - 1] ?? 0) - 1 : index), 0)
      );
    }, 0);
    const late = chunks.filter((chunk) => chunk.ms > 1000).length;
    const fileBytes = take?.files.reduce((sum, file) => sum + file.sizeBytes, 0) ?? 0;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const heapGrowth = slope(samples.map((s) => ({ t: s.t, y: s.heap }))) * 60;
    const rssGrowth = slope(samples.map((s) => ({ t: s.t, y: s.rss }))) * 60;
    const report = [
      `recorded ${RECORD_S} s of screen + camera; take ${((take?.durationMs ?? 0) / 1000).toFixed(2)} s, ${take?.files.length ?? 0} files, ${mb(fileBytes)}`,
      `chunks written: ${chunks.length} (${[...byRole].map(([role, list]) => `${role} ${list.length}`).join(', ')})`,
      `dropped (index gaps): ${gaps}; late (upload > 1 s): ${late}; slowest upload ${Math.max(0, ...chunks.map((c) => c.ms))} ms`,
      `bytes per second to disk: ${mb(fileBytes / RECORD_S)}/s`,
      `page JS heap: peak ${mb(Math.max(...samples.map((s) => s.heap)))}, growth ${mb(heapGrowth)}/min (linear fit over ${samples.length} samples)`,
      `host process: peak RSS (VmHWM) ${mb(peakHostRss)}, RSS growth ${mb(rssGrowth)}/min`,
    ];
    console.log(`\n${report.join('\n')}\n`);
    expect(gaps).toBe(0);
  } finally {
    await context.close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
