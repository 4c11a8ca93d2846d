import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { cmi5Aus, type Cmi5Au } from '../../src/main/publish/manifestRead';
import { parseXml } from '../../src/main/publish/xmlTree';
import { createTestLrs, type LrsClientInfo, type TestLrs } from './lrs';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

export type XapiStatement = Record<string, unknown> & {
  id: string;
  timestamp: string;
  verb: { id: string };
  object: { id: string };
  result?: Record<string, unknown>;
  context?: { registration?: string; extensions?: Record<string, unknown> };
};

interface Session {
  readonly id: string;
  readonly au: number;
  readonly mode: LaunchMode;
  readonly activityId: string;
  readonly token: string;
  fetched: boolean;
}

const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const LMS_TOKEN = randomBytes(16).toString('hex');

/**
 * A cmi5 LMS for the tests, written from the cmi5 specification (sections 6, 8, 9, 10): it imports a course package
 * (cmi5.xml), and for each launch makes the registration, session id and LMS activity id, writes LMS.LaunchData into
 * the State API, records "launched", abandons a session left open, and hands the AU a one-time fetch URL whose token
 * the LRS checks with the LMS. Its LRS is a real one (lrs.ts), on the same server at /xapi, which can be taken
 * offline to test that the learner is never stopped.
 */
export class Cmi5Lms {
  readonly registration = randomUUID();
  readonly actor = { objectType: 'Agent', account: { homePage: 'http://lms.example', name: 'learner-1' } } as const;
  readonly sessions: Session[] = [];
  /** While true the LRS drops every connection, as an unreachable server would. */
  offline = false;

  private constructor(
    readonly origin: string,
    readonly aus: readonly Cmi5Au[],
    readonly lrs: TestLrs,
    private readonly server: http.Server,
  ) {}

  static async start(packageDir: string): Promise<Cmi5Lms> {
    const parsed = parseXml(fs.readFileSync(path.join(packageDir, 'cmi5.xml'), 'utf8'));
    const aus = 'root' in parsed ? cmi5Aus(parsed.root) : null;
    if (!aus) throw new Error('The package has no cmi5 course structure');
    const app = express();
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let lms: Cmi5Lms | null = null;
    const clientOf = (authorization: string | undefined): LrsClientInfo | null => {
      const token = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
      const owner = token === LMS_TOKEN ? 'LMS' : lms?.sessions.find((session) => session.token === token)?.id;
      if (!owner) return null;
      return {
        _id: '5988f0f00000000000000001',
        title: owner,
        authority: { objectType: 'Agent', name: 'Test LMS', account: { homePage: origin, name: 'lms' } },
        isTrusted: true,
        lrs_id: '5988f0f00000000000000002',
        organisation: '5988f0f00000000000000003',
        scopes: ['all'],
      };
    };
    const lrs = createTestLrs({
      authEndpoint: `${origin}/lms/auth`,
      authorised: (authorization) => clientOf(authorization) !== null,
    });
    lms = new Cmi5Lms(origin, aus, lrs, server);
    const self = lms;
    app.use('/xapi', (request, response, next) => {
      if (self.offline) request.socket.destroy();
      else next();
    });
    app.use('/xapi', lrs.router);
    app.get('/lms/auth', (request, response) => {
      const client = clientOf(request.header('authorization'));
      if (client) response.json(client);
      else response.status(404).end();
    });
    app.post('/lms/fetch/:session', (request, response) => {
      const session = self.sessions.find((candidate) => candidate.id === request.params.session);
      if (!session) response.json({ 'error-code': '2', 'error-text': 'Unknown session' });
      else if (session.fetched)
        response.json({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      else {
        session.fetched = true;
        response.json({ 'auth-token': session.token });
      }
    });
    app.get('/lms/return', (_request, response) => {
      response.type('html').send('<!doctype html><title>Course</title><h1>Back in the course</h1>');
    });
    app.use('/pkg', express.static(packageDir));
    return lms;
  }

  /** The publisher id of an AU in the course structure, and the LMS's own activity id for it (never the same). */
  activityIdOf(au: number): string {
    return `${this.origin}/lms/activities/au-${au + 1}`;
  }

  /**
   * Launches AU `au` (cmi5 section 8.1): abandons a session of it left open, writes LMS.LaunchData, records launched,
   * and returns the URL to open with the launch parameters.
   */
  async launch(au = 0, mode: LaunchMode = 'Normal'): Promise<string> {
    const unit = this.aus[au];
    if (!unit?.file) throw new Error(`No AU ${au} in the package`);
    const activityId = this.activityIdOf(au);
    const open = this.sessions.filter((session) => session.au === au);
    const statements = await this.statements();
    for (const session of open) {
      const ofSession = statements.filter((statement) => sessionOf(statement) === session.id);
      const ended = ofSession.some((statement) => /\/(terminated|abandoned)$/.test(statement.verb.id));
      if (!ended) await this.record(session, 'https://w3id.org/xapi/adl/verbs/abandoned', ofSession);
    }
    const session: Session = {
      id: randomUUID(),
      au,
      mode,
      activityId,
      token: randomBytes(24).toString('base64'),
      fetched: false,
    };
    this.sessions.push(session);
    const contextTemplate = {
      contextActivities: { grouping: [{ id: unit.id }] },
      extensions: { [SESSION_ID]: session.id },
    };
    this.lrs.documents.putState(
      { activityId, agent: JSON.stringify(this.actor), registration: this.registration, stateId: 'LMS.LaunchData' },
      {
        contextTemplate,
        launchMode: mode,
        moveOn: unit.moveOn,
        returnURL: `${this.origin}/lms/return`,
        ...(unit.masteryScore === null ? {} : { masteryScore: Number(unit.masteryScore) }),
      },
    );
    await this.record(session, 'http://adlnet.gov/expapi/verbs/launched', [], {
      'https://w3id.org/xapi/cmi5/context/extensions/launchmode': mode,
      'https://w3id.org/xapi/cmi5/context/extensions/launchurl': `${this.origin}/pkg/${unit.url}`,
      'https://w3id.org/xapi/cmi5/context/extensions/moveon': unit.moveOn,
      ...(unit.masteryScore === null
        ? {}
        : { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': Number(unit.masteryScore) }),
    });
    const query = new URLSearchParams({
      endpoint: `${this.origin}/xapi/`,
      fetch: `${this.origin}/lms/fetch/${session.id}`,
      actor: JSON.stringify(this.actor),
      registration: this.registration,
      activityId,
    });
    return `${this.origin}/pkg/${unit.url}?${query.toString()}`;
  }

  /** Every statement of the registration, oldest first, as the LMS reads them back from its LRS. */
  async statements(): Promise<XapiStatement[]> {
    const found: XapiStatement[] = [];
    let next: string | null =
      `/xapi/statements?${new URLSearchParams({ registration: this.registration, limit: '100' }).toString()}`;
    while (next) {
      const response = await fetch(`${this.origin}${next}`, { headers: this.headers() });
      if (!response.ok) throw new Error(`The test LRS answered ${response.status} to a statement query`);
      const page = (await response.json()) as { statements: XapiStatement[]; more?: string };
      found.push(...page.statements);
      next = page.more ? page.more.replace(/^.*?(\/xapi\/statements)/, '$1') : null;
    }
    return found.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  }

  close(): Promise<void> {
    this.lrs.close();
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private headers(): Record<string, string> {
    return {
      Authorization: `Basic ${LMS_TOKEN}`,
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    };
  }

  /** An LMS statement about a session (launched, abandoned), with the session's context as cmi5 section 9.6 asks. */
  private async record(
    session: Session,
    verb: string,
    ofSession: readonly XapiStatement[],
    extensions: Record<string, unknown> = {},
  ): Promise<void> {
    const unit = this.aus[session.au];
    const last = ofSession.at(-1)?.timestamp;
    const statement = {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      actor: this.actor,
      verb: { id: verb, display: { 'en-US': verb.split('/').at(-1) } },
      object: { objectType: 'Activity', id: session.activityId },
      ...(verb.endsWith('abandoned')
        ? {
            result: {
              duration: `PT${Math.max(0, (Date.now() - Date.parse(last ?? new Date().toISOString())) / 1000).toFixed(2)}S`,
            },
          }
        : {}),
      context: {
        registration: this.registration,
        contextActivities: { category: [{ id: CMI5_CATEGORY }], grouping: [{ id: unit?.id ?? '' }] },
        extensions: { [SESSION_ID]: session.id, ...extensions },
      },
    };
    const response = await fetch(`${this.origin}/xapi/statements`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(statement),
    });
    if (!response.ok) throw new Error(`The test LRS refused the LMS's ${verb}: ${await response.text()}`);
  }
}

export function sessionOf(statement: XapiStatement): unknown {
  return statement.context?.extensions?.[SESSION_ID];
}
