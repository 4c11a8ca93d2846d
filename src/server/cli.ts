import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { addTeacher, listTeachers, revokeTokens } from './auth/teachers';
import { createClassServer, listen } from './app';
import { openServerDatabase, type ServerDatabase } from './db/database';
import { lockDataFolder } from './db/folderLock';
import { setRetentionDays } from './settings';
import { migrate } from './db/migrate';
import { revokeInvites } from './lti/invites';
import { runLtiCommand } from './lti/ltiCli';
import { announceReady, isServeWorker, leaveCluster, runWorkers } from './workers';
import type { ServeIo } from '@shared/classServer/serveEntry';

export const SERVE_USAGE = `Usage: flipside serve [options]                 run the class server
       flipside serve teachers add --email <e> [--name <n>]   add a teacher; prints their token once
       flipside serve teachers list
       flipside serve teachers revoke --email <e>             every token of that teacher stops working
                                    (and the LMS sign-ins made with them)
       flipside serve teachers links --email <e>              the LMS users signed in as that teacher
       flipside serve teachers unlink --email <e> --issuer <url> --sub <id>   remove one of them
       flipside serve platforms add --issuer <url> --client-id <id> --auth-url <url> --jwks-url <url>
                                    --deployment <id> [--deployment <id>…] [--token-url <url>] [--name <n>]
                                    [--teacher <email> | --school]
                                    register an LMS (LTI 1.3); run again to add deployments or change addresses
       flipside serve platforms invite (--teacher <email> | --school) [--days <n>] [--public-url <url>]
                                    a one-time link (7 days) that registers an LMS for that teacher, or for
                                    the whole school (LTI Dynamic Registration: the LMS admin pastes it)
                                    --school: one registration per LMS; each instructor signs in once with
                                    their teacher token when adding lessons, and sees only their own
       flipside serve platforms list
       flipside serve platforms remove --issuer <url> --client-id <id>
       flipside serve keys rotate    a new LTI signing key; the old one stays published for a week

LTI 1.3 (give these to the LMS when registering the tool by hand; platforms invite does it for you):
  login URL      <public url>/lti/login
  redirect URI   <public url>/lti/launch
  key set URL    <public url>/lti/jwks
  target link    a lesson's link, <public url>/l/<lesson>
  deep linking   <public url>/lti/deep-link (content selection: the --teacher's lessons, or with --school
                 the signed-in instructor's own; grades come back to the LMS's gradebook when it grants the
                 score scope and has a --token-url)

Options:
  --data <dir>          where lessons (and the embedded database) are kept (required)
  --port <n>            default 8080
  --host <address>      default 127.0.0.1; 0.0.0.0 to let learners on other devices connect
  --public-url <url>    the address learners use (behind a proxy, the proxy's); default http://<host>:<port>
  --database <url>      a PostgreSQL server (postgres://…); DATABASE_URL works too. Without it an embedded
                        database (PGlite) lives in <data>/pglite, for one server process
  --retention-days <n>  delete learner records unused for n days (a setting stored in the database)
  --workers <n>         with --database: n server processes on this machine, sharing the port`;

const OPTIONS = {
  data: { type: 'string' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  'public-url': { type: 'string' },
  database: { type: 'string' },
  'retention-days': { type: 'string' },
  workers: { type: 'string', default: '1' },
  email: { type: 'string' },
  name: { type: 'string', default: '' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'auth-url': { type: 'string' },
  'jwks-url': { type: 'string' },
  'token-url': { type: 'string', default: '' },
  deployment: { type: 'string', multiple: true },
  teacher: { type: 'string' },
  school: { type: 'boolean', default: false },
  sub: { type: 'string' },
  days: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

class UsageError extends Error {}

/** `flipside serve …`: the whole server side, started from the studio's CLI (which only hands over its arguments). */
export async function runServeCli(argv: readonly string[], io: ServeIo, version: string): Promise<number> {
  let close: (() => Promise<void>) | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(SERVE_USAGE);
      return 0;
    }
    if (!values.data) throw new UsageError('--data <dir> is required');
    const dataDir = path.resolve(values.data);
    const url = values.database ?? io.env.DATABASE_URL;
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      throw new UsageError('--workers is a number from 1 to 64');
    if (workers > 1 && !url)
      throw new UsageError('--workers needs --database: the embedded database belongs to one process');
    if (workers > 1 && positionals.length === 0 && !isServeWorker()) return await runWorkers(workers, io);
    const unlock = url ? () => undefined : lockDataFolder(dataDir);
    let db: ServerDatabase;
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      db = await openServerDatabase({ dataDir, url });
    } catch (error) {
      unlock();
      throw error;
    }
    close = async () => {
      await db.close();
      unlock();
    };
    const command = positionals.join(' ');
    if (command === '') return await serve(db, dataDir, values, io, version);
    await migrate(db);
    if (command === 'teachers add') {
      const { teacher, token } = await addTeacher(db, required(values.email, '--email'), values.name);
      io.stderr(`Teacher ${teacher.email} can sign in from the studio (Settings, Class server) with this token.`);
      io.stderr('It is shown only this once; keep it like a password.');
      io.stdout(token);
      return 0;
    }
    if (command === 'teachers list') {
      const teachers = await listTeachers(db);
      if (teachers.length === 0) io.stdout('No teachers yet: flipside serve teachers add --email <address>');
      for (const teacher of teachers)
        io.stdout(
          `${teacher.email}\t${teacher.activeTokens} active token(s)\t${teacher.lessons} lesson(s)\t${teacher.classes} class(es)`,
        );
      return 0;
    }
    if (command === 'teachers revoke') {
      const email = required(values.email, '--email');
      const count = await revokeTokens(db, email);
      io.stdout(count === 0 ? 'No active token to revoke.' : `Revoked ${count} token(s).`);
      const invites = await revokeInvites(db, email, Date.now());
      if (invites > 0) io.stdout(`Cancelled ${invites} unused LMS registration link(s).`);
      return 0;
    }
    const lti = await runLtiCommand(db, command, values, io);
    if (lti !== null) return lti;
    throw new UsageError(`unknown command “serve ${command}”`);
  } catch (error) {
    // A value the schemas refuse (an email, a URL) is a typing mistake: its words, not zod's JSON of it.
    const refused = error instanceof z.ZodError;
    const usage =
      refused || error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const words = refused
      ? error.issues.map((issue) => issue.message).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
    io.stderr(`flipside serve: ${words}${usage ? ' (see flipside serve --help)' : ''}`);
    return usage ? 2 : 1;
  } finally {
    await close?.();
    leaveCluster();
  }
}

async function serve(
  db: ServerDatabase,
  dataDir: string,
  values: { port: string; host: string; 'public-url'?: string | undefined; 'retention-days'?: string | undefined },
  io: ServeIo,
  version: string,
): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port is a number from 0 to 65535');
  const listening = await listen(port, values.host);
  const publicUrl = values['public-url'] ?? listening.url;
  try {
    const server = await createClassServer({ db, dataDir, publicUrl, version, log: io.stderr });
    if (values['retention-days'] !== undefined) await setRetentionDays(db, Number(values['retention-days']));
    listening.attach(server);
    const swept = await server.sweep();
    if (isServeWorker()) {
      announceReady(publicUrl);
      await io.stopSignal;
      return 0;
    }
    io.stdout(`Flipside class server: ${publicUrl}`);
    io.stderr(`  data: ${dataDir} · database: ${db.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}`);
    if (swept.learnersDeleted > 0)
      io.stderr(`  retention: ${swept.learnersDeleted} learner record(s) past their time deleted`);
    if (values.host === '127.0.0.1' || values.host === 'localhost')
      io.stderr(
        '  only this computer can connect; add --host 0.0.0.0 --public-url http://<this computer>:<port> for learners',
      );
    await io.stopSignal;
  } finally {
    await listening.close();
  }
  return 0;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}
