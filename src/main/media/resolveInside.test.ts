import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from './resolveInside';

// Layout: <base>/root/proj/take 1.mp4, <base>/root/proj/links/*, <base>/secret.txt (outside the root).
let base: string;
let root: string;
let take: string;

beforeAll(() => {
  // realpath: the temp folder itself may sit behind a symlink (macOS /var -> /private/var).
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-resolve-')));
  root = path.join(base, 'root');
  take = path.join(root, 'proj', 'take 1.mp4');
  fs.mkdirSync(path.join(root, 'proj', 'links'), { recursive: true });
  fs.writeFileSync(take, 'video');
  fs.writeFileSync(path.join(root, 'proj', '..hidden.vtt'), 'cues');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'proj', 'links', 'out.txt'));
  fs.symlinkSync(base, path.join(root, 'proj', 'links', 'outdir'));
  fs.symlinkSync(take, path.join(root, 'proj', 'links', 'in.mp4'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveInside', () => {
  it('finds a file from its percent-encoded pathname', async () => {
    expect(await resolveInside(root, '/proj/take%201.mp4')).toBe(take);
    expect(await resolveInside(root, 'proj/take%201.mp4')).toBe(take);
  });

  it('allows a name that merely starts with two dots', async () => {
    expect(await resolveInside(root, '/proj/..hidden.vtt')).toBe(path.join(root, 'proj', '..hidden.vtt'));
  });

  it('refuses dot segments, plain or encoded', async () => {
    for (const pathname of [
      '/../secret.txt',
      '/proj/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/proj/%2e/take%201.mp4',
      '/./proj/take%201.mp4',
    ]) {
      expect(await resolveInside(root, pathname), pathname).toBeNull();
    }
  });

  it('refuses encoded slashes and backslashes in either case, and raw backslashes', async () => {
    for (const pathname of [
      '/proj%2Ftake%201.mp4',
      '/proj%2ftake%201.mp4',
      '/%2F..%2Fsecret.txt',
      '/proj%5Ctake%201.mp4',
      '/..%5csecret.txt',
      '/proj\\take%201.mp4',
    ]) {
      expect(await resolveInside(root, pathname), pathname).toBeNull();
    }
  });

  it('refuses absolute paths and drive letters after decoding', async () => {
    const encodedAbsolute = '/' + encodeURIComponent(path.join(base, 'secret.txt'));
    for (const pathname of [
      encodedAbsolute,
      `/${path.join(base, 'secret.txt')}`,
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/c%3A/x',
      '/proj/take%201.mp4:stream',
    ]) {
      expect(await resolveInside(root, pathname), pathname).toBeNull();
    }
  });

  it('refuses NUL bytes and malformed percent-encoding', async () => {
    for (const pathname of ['/proj/take%201.mp4%00.txt', '/proj/take\u0000.mp4', '/proj/take%2', '/proj/%E0%A4%A']) {
      expect(await resolveInside(root, pathname), JSON.stringify(pathname)).toBeNull();
    }
  });

  it('refuses a symlink that leads outside the root, to a file or through a folder', async () => {
    expect(await resolveInside(root, '/proj/links/out.txt')).toBeNull();
    expect(await resolveInside(root, '/proj/links/outdir/secret.txt')).toBeNull();
  });

  it('follows a symlink that stays inside the root, answering the real path', async () => {
    expect(await resolveInside(root, '/proj/links/in.mp4')).toBe(take);
  });

  it('answers null for a missing file, a folder and the root itself', async () => {
    for (const pathname of ['/proj/missing.mp4', '/proj', '/proj/', '/', '']) {
      expect(await resolveInside(root, pathname), pathname).toBeNull();
    }
  });

  it('works when the root itself is reached through a symlink', async () => {
    const alias = path.join(base, 'alias');
    fs.symlinkSync(root, alias);
    expect(await resolveInside(alias, '/proj/take%201.mp4')).toBe(take);
  });
});
