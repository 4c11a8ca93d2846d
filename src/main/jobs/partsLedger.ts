import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StudioDatabase } from '../store/database';
import type { JobKind, PartsLedger } from './JobRegistry';

const partsSchema = z.array(z.string());

/** The `jobs` table as the registry's ledger: a row while a job has partial outputs, gone when it ends. */
export function databaseLedger(db: StudioDatabase, dataDir: string, session: string): PartsLedger {
  return {
    record(jobId: string, kind: JobKind, parts: readonly string[]) {
      const stored = JSON.stringify(parts.map((part) => relativeInside(dataDir, part)));
      db.prepare(
        `INSERT INTO jobs (id, kind, session, pid, started_at, parts) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET parts = excluded.parts`,
      ).run(jobId, kind, session, process.pid, Date.now(), stored);
    },
    forget(jobId: string) {
      db.prepare('DELETE FROM jobs WHERE id = ?').run(jobId);
    },
  };
}

/**
 * For the library's owner, at start: every job recorded by another session belonged to a process that is gone (the
 * lock proves it: nobody else can hold the library while we do), so its partial outputs are removed. Only names a
 * job made are touched: each ends in `.part`. Answers what was removed.
 */
export function removeAbandonedParts(db: StudioDatabase, dataDir: string, session: string): string[] {
  const rows = db.prepare('SELECT id, parts FROM jobs WHERE session != ?').all(session) as {
    id: string;
    parts: string;
  }[];
  const removed: string[] = [];
  for (const row of rows) {
    const parsed = partsSchema.safeParse(JSON.parse(row.parts));
    for (const part of parsed.success ? parsed.data : []) {
      const file = path.resolve(dataDir, part);
      if (!file.endsWith('.part') || !fs.existsSync(file)) continue;
      fs.rmSync(file, { recursive: true, force: true });
      removed.push(file);
    }
    db.prepare('DELETE FROM jobs WHERE id = ?').run(row.id);
  }
  return removed;
}

/** A path inside the data folder is kept relative, so a library moved elsewhere still finds its parts. */
function relativeInside(dataDir: string, file: string): string {
  const relative = path.relative(dataDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
