import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A real small disk: a tmpfs of `size`, which needs root; null where the machine refuses (the test then says so). */
export function smallDisk(size: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  onTestFinished(() => {
    execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * Fills the disk holding `dir` with a file until the disk refuses another byte. Answers a function that frees
 * `bytes` of it again (truncating the filler), as a teacher deleting something would.
 */
export function fillUp(dir: string): (bytes: number) => void {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return (bytes) => fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - bytes));
}
