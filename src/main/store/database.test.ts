import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { DATABASE_FILE, openDatabase, readUserVersion } from './database';
import { migrations } from './migrations';
import { listBackups } from './backups';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates a fresh library at the latest schema with WAL and foreign keys on', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(readUserVersion(db)).toBe(migrations.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('lessons')").all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual(expect.arrayContaining(['id', 'project_id', 'title', 'position', 'trashed_at']));
    db.close();
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
  });

  it('upgrades a first-version library keeping its data, after taking a backup', () => {
    const dir = tempDir();
    const v1 = openDatabase(dir, { migrations: migrations.slice(0, 1) });
    expect(readUserVersion(v1)).toBe(1);
    v1.prepare("INSERT INTO projects (id, title, created_at, updated_at) VALUES ('p1', 'Cells', 1, 2)").run();
    v1.prepare(
      "INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES ('l1', 'p1', 'Mitosis', 0, 1, 2)",
    ).run();
    v1.close();

    const db = openDatabase(dir);
    expect(readUserVersion(db)).toBe(migrations.at(-1)?.version);
    expect(db.prepare('SELECT title, trashed_at FROM lessons').get()).toEqual({ title: 'Mitosis', trashed_at: null });
    expect(db.prepare('SELECT title FROM projects').get()).toEqual({ title: 'Cells' });
    db.close();

    const [copy, ...others] = listBackups(dir);
    expect(others).toEqual([]);
    expect(copy).toMatchObject({ reason: 'before-migration', name: expect.stringMatching(/-before-v2\.sqlite$/) });
    const backup = new Database(copy?.file ?? '', { readonly: true });
    expect(readUserVersion(backup)).toBe(1);
    expect(backup.prepare('SELECT title FROM lessons').get()).toEqual({ title: 'Mitosis' });
    backup.close();
  });

  it('refuses a library from a newer version and leaves it byte-for-byte untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const future = new Database(file);
    future.exec('CREATE TABLE future_things (id TEXT)');
    future.pragma('user_version = 99');
    future.close();
    const before = hash(file);

    expect(() => openDatabase(dir)).toThrow(
      /newer version of Flipside Studio \(schema 99; this version knows up to 11\)/,
    );
    expect(hash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it('rolls back every pending migration when one fails', () => {
    const dir = tempDir();
    const broken = [
      ...migrations,
      {
        version: 3,
        name: 'broken',
        up: (db: Database.Database) => db.exec('CREATE TABLE half (id TEXT); SELECT * FROM no_such_table'),
      },
    ];
    expect(() => openDatabase(dir, { migrations: broken })).toThrow(/no such table/);
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(readUserVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    db.close();
  });

  it('gives a clear error when the folder cannot hold a database', () => {
    const dir = tempDir();
    const notAFolder = path.join(dir, 'file');
    fs.writeFileSync(notAFolder, 'x');
    expect(() => openDatabase(notAFolder)).toThrow();
  });
});
