import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { StudioDatabase } from './database';
import { BACKUPS_DIR, listBackups } from './backups';

/** `PRAGMA quick_check` reads every page once (no index cross-checks): fast enough to run at every open. */
export function quickCheck(db: StudioDatabase): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
}

/** The full check, for `flipside library check`: also cross-checks every index against its table. */
export function integrityCheck(db: StudioDatabase): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
}

/** Refuses a damaged library; answers normally when the check passes. Reads only. */
export function assertIntact(db: StudioDatabase, dataDir: string, file: string): void {
  let problems: string[];
  try {
    problems = quickCheck(db);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length === 0) return;
  throw new StudioError(
    'storage',
    `The library file ${file} is damaged (${problems[0] ?? 'unreadable'}), so Flipside Studio will not open or change it. ${restoreHint(dataDir)}`,
  );
}

/**
 * A library file that is missing or empty while `media/` still holds projects' files (or backups exist) was lost,
 * not never made: creating a fresh empty library over it would hide every project. Refused with what to do.
 */
export function assertNotLost(dataDir: string, file: string): void {
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size > 0) return;
  const mediaRoot = path.join(dataDir, 'media');
  const projects = fs.existsSync(mediaRoot) ? fs.readdirSync(mediaRoot).length : 0;
  const backups = listBackups(dataDir).length;
  if (projects === 0 && backups === 0) return;
  const state = size === 0 ? 'is empty' : 'is missing';
  const evidence =
    projects > 0
      ? `${mediaRoot} still holds the files of ${projects} project${projects === 1 ? '' : 's'}`
      : `${path.join(dataDir, BACKUPS_DIR)} holds backups of it`;
  throw new StudioError(
    'storage',
    `The library file ${file} ${state}, but ${evidence}; Flipside Studio will not start an empty library over them. ${restoreHint(dataDir)}`,
  );
}

function restoreHint(dataDir: string): string {
  const newest = listBackups(dataDir)[0];
  return newest
    ? `Restore the newest backup (${newest.name}) with: flipside library restore --data "${dataDir}"`
    : 'There is no backup of it yet; keep the folder as it is and ask for help.';
}
