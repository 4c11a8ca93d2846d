import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classServerApi, UPLOAD_CHUNK_BYTES } from '@shared/classServer/api';
import { authenticateTeacher, type Teacher } from './auth/teachers';
import { verifySession, bearerOf, type SessionClaims } from './auth/tokens';
import { createClass, deleteClass, listClasses } from './classes/classStore';
import type { ServerDatabase } from './db/database';
import { migrate } from './db/migrate';
import { bindEndpoint, RESPONDED } from './http/api';
import { HttpError } from './http/errors';
import { readBody, sendError, sendJson } from './http/respond';
import { Router } from './http/router';
import { ingest } from './learn/ingest';
import { addLearnerRoutes } from './learn/learnerRoutes';
import { sweepLti } from './lti/launch';
import { createInvite, sweepInvites } from './lti/invites';
import { addLtiRoutes } from './lti/ltiRoutes';
import { PlatformKeys, type PlatformKeysOptions } from './lti/platformKeys';
import { ScoreDelivery } from './lti/scoreDelivery';
import { addRegistrationRoutes } from './lti/registrationRoutes';
import { queueScores } from './lti/scores';
import { ServiceTokens } from './lti/serviceToken';
import { ensureToolKey } from './lti/toolKeys';
import { teacherLessons } from './lessons/lessonStore';
import { Publishing } from './lessons/publishing';
import { deleteExpired, deleteLearner, exportRecords, recordsToCsv } from './privacy/records';
import { classResults } from './results/classResults';
import { rememberPublicUrl, retentionDays, sessionKey } from './settings';

export interface ClassServerOptions {
  readonly db: ServerDatabase;
  readonly dataDir: string;
  /** The address learners and the studio reach this server at (behind a proxy, the proxy's). */
  readonly publicUrl: string;
  readonly version: string;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** How platforms' key sets are fetched again (tests shorten the cooldown). */
  readonly platformKeys?: PlatformKeysOptions;
}

export interface ClassServer {
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Retention and abandoned uploads; run at start and hourly. */
  sweep(): Promise<{ learnersDeleted: number }>;
  /** Posts the gradebook scores that are due to the LMSs (queued by launches and learner events). */
  deliverScores(): Promise<void>;
}

/** How often each process looks for scores due again (retries, and those another process queued). */
const SCORE_POLL_MS = 5_000;

const WEEK_MS = 7 * 24 * 3600_000;

/** The whole server as one request handler over one database and data folder; `listen` adds the socket. */
export async function createClassServer(options: ClassServerOptions): Promise<ClassServer> {
  const { db, dataDir, publicUrl } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));
  await migrate(db);
  const key = await sessionKey(db);
  await rememberPublicUrl(db, publicUrl);
  await ensureToolKey(db, now());
  const platformKeys = new PlatformKeys(options.platformKeys);
  const publishing = new Publishing(db, dataDir, publicUrl);
  const scores = new ScoreDelivery(db, now, log);
  const router = new Router();

  const teacher = (req: IncomingMessage): Promise<Teacher> => authenticateTeacher(db, req.headers.authorization);
  const learner = (req: IncomingMessage): Promise<SessionClaims> => {
    const token = bearerOf(req.headers.authorization);
    const claims = token ? verifySession(key, token, now()) : null;
    return claims
      ? Promise.resolve(claims)
      : Promise.reject(
          new HttpError('unauthorized', 'This lesson session is not valid; open the lesson from its link again'),
        );
  };
  const api = classServerApi;

  bindEndpoint(router, api.ltiInvite, teacher, async ({ principal }) => {
    const made = await createInvite(db, publicUrl, principal.email, now());
    return { url: made.url, expiresAt: made.expiresAt };
  });
  bindEndpoint(router, api.me, teacher, async ({ principal }) => ({
    teacher: principal,
    server: { version: options.version, publicUrl, retentionDays: await retentionDays(db), database: db.kind },
  }));
  bindEndpoint(router, api.createUpload, teacher, ({ principal, body }) => publishing.create(principal, body));
  bindEndpoint(router, api.uploadStatus, teacher, ({ principal, params }) =>
    publishing.status(principal, params.uploadId ?? ''),
  );
  bindEndpoint(router, api.uploadChunk, teacher, async ({ principal, params, query, context }) =>
    publishing.chunk(
      principal,
      params.uploadId ?? '',
      query.offset,
      await readBody(context.req, UPLOAD_CHUNK_BYTES * 2),
    ),
  );
  bindEndpoint(router, api.finishUpload, teacher, ({ principal, params }) =>
    publishing.finish(principal, params.uploadId ?? ''),
  );
  bindEndpoint(router, api.cancelUpload, teacher, async ({ principal, params }) => {
    await publishing.cancel(principal, params.uploadId ?? '');
    return {};
  });
  bindEndpoint(router, api.lessons, teacher, async ({ principal }) => ({
    lessons: await teacherLessons(db, principal.id, publicUrl),
  }));
  bindEndpoint(router, api.results, teacher, ({ principal, params, query }) =>
    classResults(db, principal, publicUrl, params.lessonId ?? '', query.classId, now()),
  );
  bindEndpoint(router, api.classes, teacher, async ({ principal }) => ({
    classes: await listClasses(db, principal.id),
  }));
  bindEndpoint(router, api.createClass, teacher, ({ principal, body }) => createClass(db, principal.id, body.name));
  bindEndpoint(router, api.deleteClass, teacher, async ({ principal, params }) => ({
    learnersDeleted: await deleteClass(db, principal.id, params.classId ?? ''),
  }));
  bindEndpoint(router, api.deleteLearner, teacher, async ({ principal, params }) => ({
    eventsDeleted: await deleteLearner(db, principal.id, params.learnerId ?? ''),
  }));
  bindEndpoint(router, api.exportRecords, teacher, async ({ principal, query, context }) => {
    const records = await exportRecords(db, principal.id, query);
    const stamp = new Date(now()).toISOString().slice(0, 10);
    const body = query.format === 'csv' ? recordsToCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
    context.res.writeHead(200, {
      'Content-Type': query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="learner-records-${stamp}.${query.format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    context.res.end(body);
    return RESPONDED;
  });
  bindEndpoint(router, api.session, learner, async ({ principal }) => {
    const [row] = await db.query<{
      learner_name: string;
      class_name: string;
      title: string;
      state: string | null;
      version: number;
    }>(
      `SELECT l.display_name AS learner_name, c.name AS class_name, le.title, r.state, r.version
       FROM runs r JOIN learners l ON l.id = r.learner_id JOIN classes c ON c.id = l.class_id
       JOIN lessons le ON le.id = r.lesson_id
       WHERE r.learner_id = $1 AND r.lesson_id = $2`,
      [principal.learnerId, principal.lessonId],
    );
    if (!row) throw new HttpError('gone', 'This learner’s record was deleted by the teacher.');
    return {
      learnerId: principal.learnerId,
      learnerName: row.learner_name,
      className: row.class_name,
      lessonTitle: row.title,
      version: row.version,
      resumeState: row.state,
    };
  });
  bindEndpoint(router, api.events, learner, async ({ principal, body }) => {
    const { result, graded } = await ingest(db, principal, body.events);
    if (graded && result.accepted > 0 && (await queueScores(db, principal.learnerId, principal.lessonId, now())) > 0)
      void scores.kick();
    return result;
  });

  addLearnerRoutes(router, {
    db,
    dataDir,
    sessionKey: key,
    secureCookies: publicUrl.startsWith('https:'),
    retentionDays: () => retentionDays(db),
    now,
  });
  addLtiRoutes(router, {
    db,
    sessionKey: key,
    publicUrl,
    keysFor: (jwksUrl) => platformKeys.for(jwksUrl),
    now,
    log,
    scoresQueued: () => void scores.kick(),
    tokens: new ServiceTokens(db, now),
  });
  addRegistrationRoutes(router, { db, publicUrl, now, log });
  router.add('GET', '/health', ({ res }) => {
    sendJson(res, 200, { ok: true });
    return Promise.resolve();
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://server');
    } catch {
      sendJson(res, 400, { error: { code: 'invalid_input', message: 'Bad address' } });
      return;
    }
    const found = router.match(req.method ?? 'GET', url.pathname);
    if (found === null) {
      sendJson(res, 404, { error: { code: 'not_found', message: 'Nothing here' } });
      return;
    }
    if (found === 'methodNotAllowed') {
      sendJson(res, 405, { error: { code: 'invalid_input', message: `${req.method ?? ''} is not allowed here` } });
      return;
    }
    found
      .handler({ req, res, url, params: found.params })
      .catch((error: unknown) =>
        sendError(res, error, (internal) =>
          log(`flipside serve: ${req.method ?? ''} ${url.pathname}: ${String(internal)}`),
        ),
      );
  };

  return {
    handle,
    async sweep() {
      await publishing.dropStale(WEEK_MS);
      await sweepLti(db, now());
      await sweepInvites(db, now());
      return { learnersDeleted: await deleteExpired(db, await retentionDays(db)) };
    },
    deliverScores: () => scores.kick(),
  };
}

export interface ListeningServer {
  readonly url: string;
  readonly port: number;
  /** Starts answering with `server` (until then every request gets 503), sweeping it hourly and sending scores. */
  attach(server: ClassServer): void;
  close(): Promise<void>;
}

/** Listens on `host:port` (0: any free port), so the address is known before the server is made with it. */
export async function listen(port: number, host: string): Promise<ListeningServer> {
  let attached: ClassServer | null = null;
  const socket = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    if (attached) attached.handle(req, res);
    else sendJson(res, 503, { error: { code: 'internal', message: 'The server is starting' } });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.listen(port, host, resolve);
  });
  let timer: ReturnType<typeof setInterval> | null = null;
  let scoreTimer: ReturnType<typeof setInterval> | null = null;
  const address = socket.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    attach(server) {
      attached = server;
      timer = setInterval(() => void server.sweep().catch(() => undefined), 3600_000);
      timer.unref();
      void server.deliverScores();
      scoreTimer = setInterval(() => void server.deliverScores(), SCORE_POLL_MS);
      scoreTimer.unref();
    },
    close: () =>
      new Promise((resolve) => {
        if (timer) clearInterval(timer);
        if (scoreTimer) clearInterval(scoreTimer);
        socket.closeAllConnections();
        socket.close(() => resolve());
      }),
  };
}
