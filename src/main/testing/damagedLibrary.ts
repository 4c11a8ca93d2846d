import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../store/database';

/** A real library file with `count` projects (each with a long description, so they fill many pages), closed. */
export function libraryWithProjects(dataDir: string, count: number): string {
  const db = openDatabase(dataDir);
  const insert = db.prepare(
    'INSERT INTO projects (id, title, description, created_at, updated_at) VALUES (?, ?, ?, 1, 1)',
  );
  db.transaction(() => {
    for (let n = 0; n < count; n += 1) insert.run(crypto.randomUUID(), `Project ${n}`, 'notes '.repeat(200));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path.join(dataDir, DATABASE_FILE);
}

/**
 * Random bytes over the middle pages of a database file, as a failing disk or a bad copy leaves it: the header and
 * the schema page stay readable, so only a check of the pages notices.
 */
export function damageMiddlePages(file: string): void {
  const size = fs.statSync(file).size;
  const pageSize = fs.readFileSync(file).readUInt16BE(16);
  const pages = Math.floor(size / pageSize);
  if (pages < 6) throw new Error(`${file} has only ${pages} pages; make more rows`);
  const fd = fs.openSync(file, 'r+');
  for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page += 1)
    fs.writeSync(fd, crypto.randomBytes(pageSize), 0, pageSize, page * pageSize);
  fs.closeSync(fd);
}
