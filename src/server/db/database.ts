import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What the stores need of a database: parameterised queries and transactions, the same SQL on both engines. */
export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  script(sql: string): Promise<void>;
}

export interface ServerDatabase extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const PGLITE_FOLDER = 'pglite';

/**
 * PGlite is PostgreSQL compiled to WebAssembly, in this process, one connection: the laptop default. It keeps its
 * files in `<data>/pglite`.
 */
export async function openPglite(dataDir: string): Promise<ServerDatabase> {
  const folder = path.join(dataDir, PGLITE_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  const db = await PGlite.create(folder);
  const query = async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
    (await db.query<Row>(sql, [...params])).rows;
  return {
    kind: 'pglite',
    query,
    script: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<Row>(sql, [...params])).rows,
          script: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => db.close(),
  };
}

/** A PostgreSQL server through a pool: what a school runs several server processes against. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<ServerDatabase> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  client.release();
  const query = async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
    (await pool.query<Row & pg.QueryResultRow>(sql, [...params])).rows;
  return {
    kind: 'postgres',
    query,
    script: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work({
          query: async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
            (await connection.query<Row & pg.QueryResultRow>(sql, [...params])).rows,
          script: async (sql) => {
            await connection.query(sql);
          },
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

export interface DatabaseChoice {
  readonly dataDir: string;
  /** A postgres:// URL; without one the embedded PGlite is used. */
  readonly url?: string | undefined;
}

export function openServerDatabase(choice: DatabaseChoice): Promise<ServerDatabase> {
  return choice.url ? openPostgres(choice.url) : openPglite(choice.dataDir);
}
