import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { publishableLesson } from './lms/publishedLesson';
import { rpc } from './support/rpc';
import { publishToServer, waitForJob } from './support/publishToServer';
import { startClassServer } from './support/classServer';
import { startDropProxy, type DropProxy } from './support/dropProxy';
import { JoinPage } from './pages/JoinPage';
import { ClassResultsPage } from './pages/ClassResultsPage';
import type { PublishJob } from '../src/shared/contract/publish';
import type { Render } from '../src/shared/media/renders';

const CHUNK = 4 * 1024 ** 2;

test('an upload cut off mid-way resumes where the server stopped, and a cancelled one leaves nothing', async ({
  host,
}) => {
  test.setTimeout(120_000);
  const server = await startClassServer();
  // 13 MB of video: four chunks. The connection drops inside the second.
  const proxy = await startDropProxy(server.url, CHUNK + CHUNK / 2);
  let stalling: DropProxy | null = null;
  try {
    const { lessonId, renderId, projectId } = await publishableLesson(host, 'Forces');
    const [render] = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
    fs.truncateSync(path.join(host.dataDir, 'media', ...(render?.path ?? '').split('/')), 13_000_000);
    await rpc(host, 'app:classroom.connect', { url: proxy.url, token: server.token });

    const job = await waitForJob(host, await publishToServer(host, lessonId, renderId));
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(job.output).toMatchObject({ kind: 'classServer', version: 1 });
    expect(proxy.drops).toBe(1);
    const puts = proxy.requests.filter((line) => line.startsWith('PUT '));
    expect(puts.map((line) => Number(/offset=(\d+)/.exec(line)?.[1]))).toEqual([0, CHUNK, CHUNK, 2 * CHUNK, 3 * CHUNK]);
    // The zip was only the way there.
    expect(fs.readdirSync(path.join(host.dataDir, 'media', projectId, 'exports'))).toEqual([]);

    // A cancelled publish: nothing left in the studio, nothing on the server. Its upload goes silent mid-way, so the
    // cancel always comes while it is uploading (a quick machine once sent all 13 MB before the cancel arrived).
    stalling = await startDropProxy(server.url, CHUNK / 2, { stall: true });
    await rpc(host, 'app:classroom.connect', { url: stalling.url, token: server.token });
    const cancelled = await publishToServer(host, lessonId, renderId);
    await expect
      .poll(async () => (await rpc<PublishJob>(host, 'app:publish.status', { jobId: cancelled })).stage, {
        timeout: 20_000,
      })
      .toBe('uploading');
    await rpc(host, 'app:publish.cancel', { jobId: cancelled });
    expect((await waitForJob(host, cancelled)).state).toBe('cancelled');
    expect(fs.readdirSync(path.join(host.dataDir, 'media', projectId, 'exports'))).toEqual([]);
    await expect.poll(() => fs.readdirSync(path.join(server.dataDir, 'uploads'))).toEqual([]);
  } finally {
    await stalling?.close();
    await proxy.close();
    await server.stop();
    server.remove();
  }
});

test('an upload the studio left when it closed goes on from there when the unchanged lesson is published again', async ({
  host,
}) => {
  test.setTimeout(120_000);
  const server = await startClassServer();
  // The connection goes silent inside the second chunk: the studio closes while the upload hangs there.
  const proxy = await startDropProxy(server.url, CHUNK + CHUNK / 2, { stall: true });
  try {
    const { lessonId, renderId } = await publishableLesson(host, 'Forces');
    const [render] = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
    fs.truncateSync(path.join(host.dataDir, 'media', ...(render?.path ?? '').split('/')), 13_000_000);
    await rpc(host, 'app:classroom.connect', { url: proxy.url, token: server.token });
    await publishToServer(host, lessonId, renderId);
    await expect.poll(() => proxy.drops, { timeout: 30_000 }).toBe(1);
    await host.restart();
    expect(fs.readdirSync(path.join(server.dataDir, 'uploads')), 'the server keeps the part it holds').toHaveLength(1);

    const seen = proxy.requests.length;
    const job = await waitForJob(host, await publishToServer(host, lessonId, renderId));
    expect(job.error).toBeNull();
    expect(job.output).toMatchObject({ kind: 'classServer', version: 1 });
    const puts = proxy.requests.slice(seen).filter((line) => line.startsWith('PUT '));
    expect(
      puts.map((line) => Number(/offset=(\d+)/.exec(line)?.[1])),
      'the first chunk is not sent again',
    ).toEqual([CHUNK, 2 * CHUNK, 3 * CHUNK]);
    await expect.poll(() => fs.readdirSync(path.join(server.dataDir, 'uploads'))).toEqual([]);
  } finally {
    await proxy.close();
    await server.stop();
    server.remove();
  }
});

test('a learner offline for a while loses nothing: the queue is kept and sent when the network is back', async ({
  host,
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await startClassServer();
  try {
    const { lessonId, renderId } = await publishableLesson(host, 'Forces');
    await rpc(host, 'app:classroom.connect', { url: server.url, token: server.token });
    const job = await waitForJob(host, await publishToServer(host, lessonId, renderId));
    const { joinCode } = await rpc<{ joinCode: string }>(host, 'app:classroom.createClass', { name: '8C' });

    const context = await browser.newContext();
    const learner = await new JoinPage(await context.newPage()).join(job.output?.lessonUrl ?? '', joinCode, 'Ola');
    await learner.play();
    await learner.expectQuestion('Which force pulls things down?');
    // The network drops at the question, not before playing: Chromium buffers a paused video only in part, and the
    // answers' queue is what is tested here, not a download stalled on a busy machine.
    await context.setOffline(true);
    await learner.answer('Magnetism', 'Not quite');
    await learner.dialog.getByRole('button', { name: 'Try again' }).click();
    await learner.answer('Gravity', 'Correct');
    await expect
      .poll(() =>
        learner.page.evaluate(() => {
          const storage = (globalThis as unknown as { localStorage: Record<string, string> }).localStorage;
          return Object.entries(storage).filter(([key, value]) => key.startsWith('flipside:queue:') && value !== '[]');
        }),
      )
      .toHaveLength(1);
    // Closed while offline: what it held waits in this browser's storage for the next visit.
    await learner.page.close();
    await context.setOffline(false);
    const back = await context.newPage();
    await back.goto(job.output?.lessonUrl ?? '');
    await back.getByRole('button', { name: 'Continue as Ola (8C)' }).click();
    await expect(back.getByRole('slider', { name: 'Seek' })).toBeVisible();

    const results = new ClassResultsPage(page);
    await results.open(host.url, lessonId);
    await expect(async () => {
      await results.refresh();
      await expect(results.row('Ola').getByRole('img', { name: 'Question 1: wrong first time' })).toBeVisible();
    }).toPass({ timeout: 20_000 });
    await expect(page.getByText('Common wrong answers: “Magnetism” (1).')).toBeVisible();
    await context.close();
  } finally {
    await server.stop();
    server.remove();
  }
});
