import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { damageMiddlePages, libraryWithProjects } from '../testing/damagedLibrary';
import { backupDue, backupName, listBackups, takeBackup } from './backups';
import { DATABASE_FILE, latestVersion, openDatabase } from './database';
import { migrations } from './migrations';
import { acquireLibraryLock } from './libraryLock';
import { restoreBackup } from './restore';

const DAY = 24 * 60 * 60 * 1000;
const projectCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('rolling backups', () => {
  it('copies the open library into one standalone file that reads back whole', async () => {
    const dir = tempDir();
    libraryWithProjects(dir, 20);
    const db = openDatabase(dir);
    const file = await takeBackup(db, dir, { now: Date.UTC(2025, 0, 31, 10, 15) });
    db.close();
    expect(path.basename(file)).toBe('library-20250131T101500000Z.sqlite');
    expect(projectCount(file)).toBe(20);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['library-20250131T101500000Z.sqlite']);
  });

  it('is due once a day and keeps the newest seven, never the copies taken before a migration', async () => {
    const dir = tempDir();
    libraryWithProjects(dir, 2);
    const db = openDatabase(dir);
    const start = Date.UTC(2025, 0, 1, 9);
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', backupName(start - DAY, 'before-v8')), 'kept');
    for (let day = 0; day < 9; day += 1) {
      expect(backupDue(dir, start + day * DAY)).toBe(true);
      await takeBackup(db, dir, { now: start + day * DAY });
      expect(backupDue(dir, start + day * DAY + DAY / 2)).toBe(false);
    }
    db.close();
    const kept = listBackups(dir);
    expect(kept.filter((backup) => backup.reason === 'rolling')).toHaveLength(7);
    expect(kept.at(-1)?.reason).toBe('before-migration');
    expect(kept[0]?.takenAt).toBe(start + 8 * DAY);
  });
});

describe('restoring a backup', () => {
  it('puts the backup in place, keeping the library it replaces', async () => {
    const dir = tempDir();
    libraryWithProjects(dir, 5);
    const db = openDatabase(dir);
    const backup = await takeBackup(db, dir);
    db.prepare('DELETE FROM projects').run();
    db.close();
    const lock = acquireLibraryLock(dir, 'flipside library restore');
    const result = restoreBackup(lock, dir, backup, Date.now() + 1000);
    lock.release();
    expect(result.version).toBe(latestVersion());
    expect(projectCount(path.join(dir, DATABASE_FILE))).toBe(5);
    expect(projectCount(result.previous ?? '')).toBe(0);
  });

  it('replaces a damaged library, setting the damaged file aside', async () => {
    const dir = tempDir();
    const file = libraryWithProjects(dir, 400);
    const db = openDatabase(dir);
    const backup = await takeBackup(db, dir);
    db.close();
    damageMiddlePages(file);
    const lock = acquireLibraryLock(dir, 'flipside library restore');
    const { previous } = restoreBackup(lock, dir, backup);
    lock.release();
    expect(path.basename(previous ?? '')).toMatch(/^damaged-library-/);
    expect(projectCount(file)).toBe(400);
  });

  it('migrates a backup from an earlier version', () => {
    const dir = tempDir();
    const old = path.join(tempDir(), 'old.sqlite');
    const v1 = openDatabase(path.dirname(old), { migrations: migrations.slice(0, 1) });
    v1.prepare("INSERT INTO projects (id, title, created_at, updated_at) VALUES ('p1', 'Cells', 1, 2)").run();
    v1.close();
    fs.renameSync(path.join(path.dirname(old), DATABASE_FILE), old);
    const lock = acquireLibraryLock(dir, 'flipside library restore');
    expect(restoreBackup(lock, dir, old).version).toBe(1);
    lock.release();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('refuses a damaged backup and one from a newer version, changing nothing', async () => {
    const dir = tempDir();
    libraryWithProjects(dir, 400);
    const db = openDatabase(dir);
    const damaged = await takeBackup(db, dir);
    db.close();
    damageMiddlePages(damaged);
    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(path.join(dir, DATABASE_FILE), newer);
    const future = new Database(newer);
    future.pragma('user_version = 99');
    future.close();
    const lock = acquireLibraryLock(dir, 'flipside library restore');
    expect(() => restoreBackup(lock, dir, damaged)).toThrow(/is damaged/);
    expect(() => restoreBackup(lock, dir, newer)).toThrow(/saved by a newer version of Flipside Studio \(schema 99\)/);
    lock.release();
    expect(projectCount(path.join(dir, DATABASE_FILE))).toBe(400);
    expect(listBackups(dir).map((backup) => backup.file)).toEqual([damaged]);
  });
});
