import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { StudioError } from '@shared/contract/result';

const LOCK_FILE = 'library.lock';
const OWNER_FILE = 'library.owner';

const ownerSchema = z.object({
  /** Who holds it, in words: "Flipside Studio", "flipside publish". */
  label: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  startedAt: z.number(),
  /** Unique per opening: jobs recorded under another session belong to a process that is gone. */
  session: z.string(),
});
type LibraryOwner = z.infer<typeof ownerSchema>;

export interface LibraryLock {
  readonly owner: LibraryOwner;
  /** Lets the library go; the operating system does the same if the process dies first. */
  release(): void;
}

/**
 * Makes this process the library's one owner. The lock is SQLite's own file lock on `library.lock`, held by an open
 * exclusive transaction: the operating system drops it the moment the process ends, however it ends, so a crash never
 * locks a teacher out and a reused pid can never look like an owner. `library.owner` only names the holder for the
 * message another process shows.
 */
export function acquireLibraryLock(dataDir: string, label: string): LibraryLock {
  fs.mkdirSync(dataDir, { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  } catch (error) {
    throw new StudioError('storage', `Cannot open the library at ${dataDir}: ${(error as Error).message}`);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new StudioError('conflict', heldBy(dataDir));
    throw new StudioError('storage', `Cannot lock the library at ${dataDir}: ${(error as Error).message}`);
  }
  const owner: LibraryOwner = {
    label,
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: Date.now(),
    session: randomUUID(),
  };
  const ownerFile = path.join(dataDir, OWNER_FILE);
  const temporary = `${ownerFile}.${owner.session}`;
  fs.writeFileSync(temporary, `${JSON.stringify(owner)}\n`);
  fs.renameSync(temporary, ownerFile);
  let held = true;
  return {
    owner,
    release: () => {
      if (!held) return;
      held = false;
      // Removed while the lock is still held, so it never disappears from under the next owner.
      if (readOwner(dataDir)?.session === owner.session) fs.rmSync(ownerFile, { force: true });
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** The holder named in `library.owner`, if it can be read; it may be stale when nobody holds the lock. */
function readOwner(dataDir: string): LibraryOwner | null {
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** "Flipside Studio (pid 4242) has this library open": one line that says who to close. */
function heldBy(dataDir: string): string {
  const owner = readOwner(dataDir);
  if (!owner) return 'Another Flipside Studio process has this library open';
  const where = owner.hostname === os.hostname() ? '' : ` on ${owner.hostname}`;
  return `${owner.label} (pid ${owner.pid}${where}) has this library open`;
}
