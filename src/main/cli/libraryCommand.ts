import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StudioError } from '@shared/contract/result';
import { listBackups, takeBackup } from '../store/backups';
import { DATABASE_FILE, latestVersion, openDatabase, readUserVersion } from '../store/database';
import { integrityCheck } from '../store/integrity';
import { acquireLibraryLock } from '../store/libraryLock';
import { restoreBackup } from '../store/restore';
import { mediaRootOf } from '../dataDir';
import type { CommandIo } from './io';

/** `flipside library backup [--out <file>]`: a consistent copy now, read-only beside any owner. */
export async function backupLibrary(dataDir: string, out: string | undefined, io: CommandIo): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE)))
    throw new StudioError('not_found', `there is no library in ${dataDir} to back up`);
  const target = out ? path.resolve(out) : undefined;
  const db = openDatabase(dataDir, { readonly: true });
  try {
    const file = await takeBackup(db, dataDir, target ? { target } : {});
    io.stdout(file);
  } finally {
    db.close();
  }
}

/** `flipside library restore [<backup>]`: the newest backup unless one is named; refused while the library is open. */
export function restoreLibrary(dataDir: string, args: readonly string[], io: CommandIo): void {
  const lock = acquireLibraryLock(dataDir, 'flipside library restore');
  try {
    const chosen = args[0] ? path.resolve(args[0]) : listBackups(dataDir)[0]?.file;
    if (!chosen) throw new StudioError('not_found', `there are no backups of the library in ${dataDir}`);
    const { version, previous } = restoreBackup(lock, dataDir, chosen);
    io.stderr(
      `restored ${path.basename(chosen)} (schema ${version})${previous ? `; the library as it was is kept in ${previous}` : ''}`,
    );
    io.stdout(path.join(dataDir, DATABASE_FILE));
  } finally {
    lock.release();
  }
}

/**
 * `flipside library check`: reads only. The full integrity check, the schema version, every file the library
 * names, and the backups there are; exit 1 on any problem.
 */
export function checkLibrary(dataDir: string, io: CommandIo): number {
  const file = path.join(dataDir, DATABASE_FILE);
  const lines: { ok: boolean; message: string }[] = [];
  const say = (ok: boolean, message: string) => lines.push({ ok, message });
  if (!fs.existsSync(file)) say(false, `${file} does not exist`);
  else {
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const problems = damageOf(db);
      say(
        problems.length === 0,
        problems.length === 0
          ? 'the database is intact'
          : `the database is damaged: ${problems.slice(0, 3).join('; ')}`,
      );
      const version = readUserVersion(db);
      say(
        version <= latestVersion(),
        `schema ${version} (this version of Flipside Studio knows up to ${latestVersion()})`,
      );
      if (problems.length === 0) checkFiles(db, mediaRootOf(dataDir), say);
    } catch (error) {
      say(false, `the database cannot be read: ${(error as Error).message}`);
    } finally {
      db?.close();
    }
  }
  const backups = listBackups(dataDir);
  // No backup yet is not a fault (a new library gets its first at the next start), only worth saying.
  say(true, backups.length > 0 ? `${backups.length} backups, the newest ${backups[0]?.name ?? ''}` : 'no backups yet');
  for (const line of lines) io.stdout(`${line.ok ? 'ok  ' : 'FAIL'}  ${line.message}`);
  const failures = lines.filter((line) => !line.ok).length;
  io.stdout(failures === 0 ? 'the library is healthy' : `${failures} problem${failures === 1 ? '' : 's'}`);
  return failures === 0 ? 0 : 1;
}

/** Heavy damage makes the check itself fail: that is damage too, not an unreadable file. */
function damageOf(db: Database.Database): string[] {
  try {
    return integrityCheck(db);
  } catch (error) {
    return [(error as Error).message];
  }
}

/** Every media file a finished take, render or caption names is on disk. */
function checkFiles(db: Database.Database, mediaRoot: string, say: (ok: boolean, message: string) => void): void {
  const named = db
    .prepare(
      `SELECT path FROM take_files JOIN takes ON takes.id = take_files.take_id WHERE takes.status = 'ready'
       UNION ALL SELECT path FROM renders WHERE status = 'ready'
       UNION ALL SELECT path FROM captions`,
    )
    .all() as { path: string }[];
  const missing = named.filter((row) => !fs.existsSync(path.join(mediaRoot, ...row.path.split('/'))));
  say(
    missing.length === 0,
    missing.length === 0
      ? `all ${named.length} media files are there`
      : `${missing.length} of ${named.length} media files are missing: ${missing
          .slice(0, 3)
          .map((row) => row.path)
          .join(', ')}`,
  );
}
