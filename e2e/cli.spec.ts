import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';

const BIN = path.resolve(__dirname, '..', 'bin', 'flipside.cjs');

/** The built `flipside` command, as `npx flipside` runs it. */
test.describe('flipside CLI (built)', () => {
  let dataDir: string;
  test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cli-'));
  });
  test.afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const env = () => {
    const copy = { ...process.env };
    delete copy.FLIPSIDE_DATA;
    return copy;
  };
  const flipside = (...args: string[]) =>
    execFileSync(process.execPath, [BIN, ...args, '--data', dataDir], { env: env(), encoding: 'utf8' }).trim();

  test('scripts a project with lessons end to end', () => {
    expect(flipside('--help')).toContain('Usage: flipside');
    const projectId = flipside('projects', 'create', '--title', 'Thermodynamics');
    const lessonId = flipside('lessons', 'add', '--project', projectId, '--title', 'Entropy');
    const projects = JSON.parse(flipside('projects', 'list', '--json')) as { id: string; lessonCount: number }[];
    expect(projects).toEqual([expect.objectContaining({ id: projectId, lessonCount: 1 })]);
    expect(flipside('lessons', 'list', '--project', projectId)).toContain(lessonId);
  });

  test('exits non-zero with a one-line message on bad input', () => {
    const result = spawnSync(process.execPath, [BIN, 'projects', 'create', '--data', dataDir], {
      env: env(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['flipside: --title: A title is required']);
  });
});
