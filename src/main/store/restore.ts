import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StudioError } from '@shared/contract/result';
import { backupName, backupsDirOf, inspectBackup } from './backups';
import { DATABASE_FILE, latestVersion, openDatabase } from './database';
import { quickCheck } from './integrity';
import type { LibraryLock } from './libraryLock';

export interface RestoreResult {
  readonly version: number;
  /** Where the library as it was before the restore went: a backup, or the damaged file set aside. */
  readonly previous: string | null;
}

/**
 * Puts a backup in the library's place. The caller holds the library's lock (nobody else has it open). The backup
 * is refused if it is damaged or from a newer version; the library it replaces is kept first (a backup when it is
 * healthy, the file itself set aside when it is damaged), so a restore can be undone. Then the library is opened
 * once, which migrates a backup from an older version.
 */
export function restoreBackup(_lock: LibraryLock, dataDir: string, backup: string, now = Date.now()): RestoreResult {
  const { version } = inspectBackup(backup, latestVersion());
  const file = path.join(dataDir, DATABASE_FILE);
  const previous = setAside(dataDir, file, now);
  const part = `${file}.restore.part`;
  try {
    fs.copyFileSync(backup, part);
    const handle = fs.openSync(part, 'r+');
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    // The old library's WAL must never be replayed into the restored file.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(part, file);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw new StudioError('storage', `Restoring failed (${(error as Error).message}); ${previousNote(previous)}`);
  }
  openDatabase(dataDir).close();
  return { version, previous };
}

/** Keeps the library being replaced: a consistent copy when it reads well, the files themselves when damaged. */
function setAside(dataDir: string, file: string, now: number): string | null {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  const dir = backupsDirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let current: Database.Database | null = null;
  try {
    current = new Database(file, { readonly: true, fileMustExist: true });
    if (quickCheck(current).length === 0) {
      const target = path.join(dir, backupName(now, 'before-restore'));
      current.prepare('VACUUM INTO ?').run(target);
      return target;
    }
  } catch {
    // Unreadable: set aside as it is, below.
  } finally {
    current?.close();
  }
  const aside = path.join(dir, `damaged-${backupName(now)}`);
  fs.renameSync(file, aside);
  for (const suffix of ['-wal', '-shm'])
    if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  return aside;
}

function previousNote(previous: string | null): string {
  return previous ? `the library as it was is kept in ${previous}` : 'nothing was changed';
}
