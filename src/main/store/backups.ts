import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StudioError } from '@shared/contract/result';
import type { StudioDatabase } from './database';

export const BACKUPS_DIR = 'backups';
/** Rolling backups kept; copies taken before a migration or a restore are kept apart from these. */
const ROLLING_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Pages copied between turns of the event loop: the studio keeps answering while a backup runs. */
const PAGES_PER_STEP = 256;

// Milliseconds in the stamp: the open-time daily backup and a `library backup` right after it must not collide.
const NAME = /^library-(\d{8}T\d{6}(?:\d{3})?Z)(?:-(before-v\d+|before-restore))?\.sqlite$/;

export interface BackupFile {
  readonly file: string;
  readonly name: string;
  readonly takenAt: number;
  /** `rolling` (daily, or `flipside library backup`), or the copy taken before a migration or a restore. */
  readonly reason: 'rolling' | 'before-migration' | 'before-restore';
}

export function backupsDirOf(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

/** `library-20250131T101500123Z.sqlite` (UTC to the millisecond): sorts by time, means the same on every machine. */
export function backupName(now: number, suffix?: string): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  return `library-${stamp}${suffix ? `-${suffix}` : ''}.sqlite`;
}

/** Every backup of this library, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDirOf(dataDir);
  if (!fs.existsSync(dir)) return [];
  const found: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const match = NAME.exec(name);
    if (!match?.[1]) continue;
    const stamp = match[1];
    const millis = stamp.length > 16 ? stamp.slice(15, 18) : '000';
    const takenAt = Date.parse(
      `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${millis}Z`,
    );
    const reason = !match[2] ? 'rolling' : match[2] === 'before-restore' ? 'before-restore' : 'before-migration';
    found.push({ file: path.join(dir, name), name, takenAt, reason });
  }
  return found.sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

/** At most one rolling backup a day: due when the newest is a day old, or there is none. */
export function backupDue(dataDir: string, now: number): boolean {
  const newest = listBackups(dataDir).find((backup) => backup.reason === 'rolling');
  return !newest || now - newest.takenAt >= DAY_MS || newest.takenAt > now;
}

export interface BackupOptions {
  readonly now?: number;
  readonly signal?: AbortSignal;
  /** Told the partial file's name before a byte is written, so a crash's leftovers can be found. */
  readonly onPart?: (part: string) => void;
  /** Where to write instead of the backups folder (`flipside library backup --out`). */
  readonly target?: string;
}

/**
 * A consistent copy of the open library through SQLite's online backup API (other calls keep running while it
 * copies), checked before it is kept, then the rolling backups pruned to the newest seven. Answers the file.
 */
export async function takeBackup(db: StudioDatabase, dataDir: string, options: BackupOptions = {}): Promise<string> {
  const now = options.now ?? Date.now();
  const target = options.target ?? path.join(backupsDirOf(dataDir), backupName(now));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) throw new StudioError('conflict', `${target} already exists`);
  const part = `${target}.part`;
  options.onPart?.(part);
  try {
    fs.rmSync(part, { force: true });
    await db.backup(part, {
      progress: () => {
        options.signal?.throwIfAborted();
        return PAGES_PER_STEP;
      },
    });
    standalone(part);
    inspectBackup(part, Number.MAX_SAFE_INTEGER);
    fs.renameSync(part, target);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  if (!options.target) pruneBackups(dataDir);
  return target;
}

/**
 * The copy carries the library's WAL flag, so opening it would leave `-wal` and `-shm` files beside it; a backup is
 * one file that can be copied anywhere.
 */
function standalone(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Keeps the newest rolling backups; copies taken before a migration or a restore stay. */
function pruneBackups(dataDir: string, keep = ROLLING_KEPT): void {
  const rolling = listBackups(dataDir).filter((backup) => backup.reason === 'rolling');
  for (const old of rolling.slice(keep)) fs.rmSync(old.file, { force: true });
}

/** A synchronous copy for the moment before a migration (the online API is asynchronous; opening is not). */
export function backUpBeforeMigration(db: StudioDatabase, dataDir: string, fromVersion: number): string {
  const target = path.join(backupsDirOf(dataDir), backupName(Date.now(), `before-v${fromVersion + 1}`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Refuses a backup that is not a readable, intact library this version understands; answers its schema version. */
export function inspectBackup(file: string, latestVersion: number): { version: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StudioError('invalid_input', `${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    const problems = (db.pragma('quick_check') as { quick_check: string }[])
      .map((row) => row.quick_check)
      .filter((line) => line !== 'ok');
    if (problems.length > 0) throw new StudioError('invalid_input', `${file} is damaged (${problems[0] ?? ''})`);
    const version = Number(db.pragma('user_version', { simple: true }));
    const hasProjects = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projects'").get();
    if (!hasProjects) throw new StudioError('invalid_input', `${file} is not a Flipside Studio library`);
    if (version > latestVersion)
      throw new StudioError(
        'invalid_input',
        `${file} was saved by a newer version of Flipside Studio (schema ${version}); update Flipside Studio to restore it`,
      );
    return { version };
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw new StudioError('invalid_input', `${file} is damaged or not a library: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}
