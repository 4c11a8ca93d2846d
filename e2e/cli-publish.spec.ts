import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { test, expect } from './fixtures';
import { publishableLesson } from './lms/publishedLesson';
import { rpc } from './support/rpc';
import type { Render } from '../src/shared/media/renders';

const BIN = path.resolve(__dirname, '..', 'bin', 'flipside.cjs');

function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FLIPSIDE_DATA;
  return env;
}

/** The built CLI, as `npx flipside` runs it, on the host's library. */
function flipside(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args, '--data', dataDir], { encoding: 'utf8', env: cliEnv() });
}

test('flipside publish never touches a file it did not make, and replaces an output only with --force', async ({
  host,
}) => {
  const { lessonId } = await publishableLesson(host);
  await host.stop();
  const out = path.join(host.dataDir, 'course.zip');
  fs.writeFileSync(`${out}.part`, 'the teacher’s own notes');
  fs.writeFileSync(out, 'an older course the teacher kept');

  const refused = flipside(host.dataDir, 'publish', '--lesson', lessonId, '--format', 'scorm12', '--out', out);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`${out} already exists; choose another --out, or add --force to replace it`);
  expect(fs.readFileSync(out, 'utf8')).toBe('an older course the teacher kept');

  const forced = flipside(
    host.dataDir,
    'publish',
    '--lesson',
    lessonId,
    '--format',
    'scorm12',
    '--out',
    out,
    '--force',
  );
  expect(forced.stderr).toMatch(/^SCORM 1\.2: \d+ files, 360p, [\d.]+ MB$/m);
  expect(forced.status).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  expect(fs.readFileSync(`${out}.part`, 'utf8')).toBe('the teacher’s own notes');
  expect(fs.readdirSync(host.dataDir).filter((name) => name.includes('flipside-'))).toEqual([]);
  expect(flipside(host.dataDir, 'check', out).status).toBe(0);

  const mine = path.join(host.dataDir, 'my-site');
  fs.mkdirSync(mine);
  fs.writeFileSync(path.join(mine, 'index.html'), '<p>my own page</p>');
  const folder = flipside(host.dataDir, 'publish', '--lesson', lessonId, '--format', 'web', '--out', mine, '--force');
  expect(folder.status).toBe(1);
  expect(folder.stderr).toContain('is not a web folder Flipside Studio published, so --force leaves it alone');
  expect(fs.readdirSync(mine)).toEqual(['index.html']);
});

test('flipside publish shows its progress and Ctrl+C cancels it, leaving nothing', async ({ host }) => {
  const { lessonId, projectId, renderId } = await publishableLesson(host);
  const [render] = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
  expect(render?.id).toBe(renderId);
  await host.stop();
  // A long render (sparse, so it costs no disk) makes a publish that runs long enough to be interrupted.
  fs.truncateSync(path.join(host.dataDir, 'media', ...(render?.path ?? '').split('/')), 1_200_000_000);
  const out = path.join(host.dataDir, 'long.zip');
  const child = spawn(
    process.execPath,
    [BIN, 'publish', '--lesson', lessonId, '--format', 'scorm2004', '--out', out, '--data', host.dataDir],
    { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      if (/^writing \d+%$/.test(line)) resolve();
    });
  });
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(stderr.at(-1)).toBe('flipside: cancelled; nothing was written');
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(path.join(host.dataDir, 'media', projectId, 'exports'))).toEqual([]);
  expect(fs.readdirSync(host.dataDir).filter((name) => name.includes('flipside-'))).toEqual([]);
});
