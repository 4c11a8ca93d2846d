import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { startHost } from './host';
import { lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';
import type { LessonDocument } from '../src/shared/editor/document';
import type { Render } from '../src/shared/media/renders';

const BIN = path.resolve(__dirname, '..', 'bin', 'flipside.cjs');

/**
 * The built CLI, as `npx flipside` runs it, on the host's library. Asynchronous, so this process keeps serving its
 * own sockets meanwhile (a blocked event loop would reuse a keep-alive socket the host has closed).
 */
function flipside(
  dataDir: string,
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.FLIPSIDE_DATA;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args, '--data', dataDir],
      { env, encoding: 'utf8' },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

test('the app renders while the CLI lists (read-only), and its publish and render are refused with the owner', async ({
  host,
}) => {
  const { lessonId, takeId, projectId } = await lessonWithTake(host, { screen: screenFixture() });
  const { revision } = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  // The app's render, mid-way: its part file written so far, the rest still to come.
  const bytes = new Uint8Array(fs.readFileSync(screenFixture()));
  const { renderId } = await rpc<{ renderId: string }>(host, 'app:renders.start', {
    lessonId,
    takeId,
    revision,
    label: '360p',
    extension: 'mp4',
  });
  const half = Math.floor(bytes.byteLength / 2);
  await rpc(host, 'app:renders.write', { renderId, position: 0, data: bytes.subarray(0, half) });
  const part = path.join(host.dataDir, 'media', projectId, 'renders', `${renderId}.mp4.part`);

  const listed = await flipside(host.dataDir, 'projects', 'list', '--json');
  expect(listed.stderr).toBe('');
  expect(listed.status).toBe(0);
  expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: projectId, lessonCount: 1 })]);
  expect((await flipside(host.dataDir, 'lessons', 'list', '--project', projectId)).stdout).toContain(lessonId);

  const owner = `flipside: Flipside Studio's browser host (pid ${host.pid}) has this library open\n`;
  const out = path.join(host.dataDir, 'cli-out.zip');
  for (const args of [
    ['publish', '--lesson', lessonId, '--format', 'scorm12', '--out', out],
    ['render', '--lesson', lessonId, '--out', path.join(host.dataDir, 'cli.mp4')],
    ['lessons', 'add', '--project', projectId, '--title', 'Refused'],
  ]) {
    const refused = await flipside(host.dataDir, ...args);
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({ status: 1, stderr: owner });
  }
  expect(fs.existsSync(out)).toBe(false);

  // Nothing of the app's was touched: its render finishes whole.
  expect(fs.statSync(part).size).toBe(half);
  await rpc(host, 'app:renders.write', { renderId, position: half, data: bytes.subarray(half) });
  const render = await rpc<Render>(host, 'app:renders.finish', { renderId });
  expect(render).toMatchObject({ status: 'ready', sizeBytes: bytes.byteLength });
});

test('a second host on one library is refused with the first one named; the first keeps serving', async ({ host }) => {
  const { projectId } = await lessonWithTake(host, { screen: screenFixture() });
  await expect(startHost(host.dataDir)).rejects.toThrow(
    `Flipside Studio could not start: Flipside Studio's browser host (pid ${host.pid}) has this library open`,
  );
  const projects = await rpc<{ items: { id: string }[] }>(host, 'app:projects.list', {});
  expect(projects.items.map((project) => project.id)).toEqual([projectId]);
});

test('a host that was killed never locks the library: the CLI and the next host open it', async ({ host }) => {
  await lessonWithTake(host, { screen: screenFixture() });
  await host.crashAndRestart();
  await host.stop();
  const created = await flipside(host.dataDir, 'projects', 'create', '--title', 'After the crash');
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
});
