import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openPglite, PGLITE_FOLDER } from '../db/database';
import { migrate } from '../db/migrate';
import { serverMigrations } from '../db/migrations';

/**
 * Puts a migrated embedded database, with no rows, in `dataDir`, as the server would leave it after its first start.
 * A new PGlite database costs about 4 s of CPU (its initdb) plus the migrations, and the tests make hundreds; a copy
 * of one made earlier costs a few milliseconds. Tests of first start and of migrations themselves open an empty
 * folder instead.
 */
export async function seedMigratedPglite(dataDir: string): Promise<void> {
  const template = await migratedTemplate();
  fs.cpSync(path.join(template, PGLITE_FOLDER), path.join(dataDir, PGLITE_FOLDER), { recursive: true });
}

/**
 * Kept in node_modules/.cache (both test runners start at the repository root), named by the PGlite version and the
 * migrations, so a new migration or PGlite gets a new template and a stale one is never copied.
 */
async function migratedTemplate(): Promise<string> {
  const cache = path.resolve('node_modules', '.cache', 'flipside');
  const pglite = fs.readFileSync(path.resolve('node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8');
  const key = createHash('sha256').update(pglite).update(JSON.stringify(serverMigrations)).digest('hex').slice(0, 16);
  const template = path.join(cache, `pglite-${key}`);
  if (fs.existsSync(template)) return template;

  fs.mkdirSync(cache, { recursive: true });
  const building = fs.mkdtempSync(path.join(cache, 'pglite-building-'));
  const db = await openPglite(building);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  try {
    // Atomic: another test worker building the same template at the same time either wins or finds it there.
    fs.renameSync(building, template);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    if (!fs.existsSync(template)) throw error;
  }
  return template;
}
