import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { checkCmiValues, type CmiProblem } from './cmiTypes';
import {
  manifestRules,
  nextLaunch,
  type Launch,
  type ManifestRules,
  type ScormVersion,
  type StoredAttempt,
} from './lmsRules';

/** One LMSCommit/Commit (or the commit LMSFinish/Terminate makes), as the LMS's server received it. */
interface ReceivedCommit {
  readonly atMs: number;
  readonly terminate: boolean;
  readonly cmi: Record<string, unknown>;
}

/** One launch of the SCO: how it was launched, every SetValue in order, every commit. */
export interface LmsSession {
  readonly launch: Launch;
  /** Every SetValue the SCO called, with whether the runtime accepted it. */
  readonly sets: [element: string, value: string, atMs: number, accepted: boolean][];
  readonly commits: ReceivedCommit[];
}

interface CommitBody {
  readonly session: number;
  readonly terminate: boolean;
  readonly cmi: Record<string, unknown>;
  readonly sets: [string, string, number, boolean][];
}

/**
 * A stand-in LMS that behaves like Moodle where Moodle is stricter than a SCORM runtime alone: scorm-again is the
 * runtime in the page (lms.html), and this server is the LMS behind it. It reads masteryscore, scaled_passing_score
 * and completion_threshold from the package's manifest; the page's runtime applies them as Moodle does (the 1.2
 * mastery rule on LMSFinish, the 2004 evaluations on Terminate); every commit is an HTTP request to this server, which
 * keeps the attempt; each launch resumes only after exit = suspend and is review mode after an attempt that is over.
 */
export class TestLms {
  readonly sessions: LmsSession[] = [];
  private attempt: StoredAttempt | null = null;

  private constructor(
    readonly version: ScormVersion,
    readonly rules: ManifestRules,
    private readonly server: StaticServer,
    private readonly mediaOrigin: string | null,
  ) {}

  /**
   * `mediaOrigin`: like an LMS that stores package files in an object store, answer every request for the package's
   * media/ with a redirect to the same path there.
   */
  static async start(version: ScormVersion, packageDir: string, mediaOrigin: string | null = null): Promise<TestLms> {
    const rules = manifestRules(version, fs.readFileSync(path.join(packageDir, 'imsmanifest.xml'), 'utf8'));
    let lms: TestLms | null = null;
    const server = await serveStatic(
      {
        '/lms': __dirname,
        '/scorm-again': path.join(__dirname, '../../node_modules/scorm-again/dist'),
        '/pkg': packageDir,
      },
      (request, response, url) => lms?.api(request, response, url) ?? Promise.resolve(false),
    );
    lms = new TestLms(version, rules, server, mediaOrigin);
    return lms;
  }

  /** The page the learner opens: the LMS frame, which launches the package's index.html inside it. */
  get url(): string {
    return `${this.server.origin}/lms/lms.html?version=${this.version}&launch=${encodeURIComponent('/pkg/index.html')}`;
  }

  get origin(): string {
    return this.server.origin;
  }

  /** The stored data model of the current attempt, as the LMS keeps it. */
  get stored(): Record<string, unknown> | null {
    return this.attempt?.cmi ?? null;
  }

  get lastSession(): LmsSession {
    const session = this.sessions.at(-1);
    if (!session) throw new Error('The test LMS has not been launched');
    return session;
  }

  /** Values the runtime refused (an LMS answers false and an error code; the learner's data is lost). */
  refused(): [string, string][] {
    return this.sessions.flatMap((session) =>
      session.sets
        .filter(([, , , accepted]) => !accepted)
        .map(([element, value]) => [element, value] as [string, string]),
    );
  }

  /** Every value the SCO wrote in every session, checked against the standard's data-model types. */
  typeProblems(): CmiProblem[] {
    return this.sessions.flatMap((session) =>
      checkCmiValues(
        this.version,
        session.sets.map(([element, value]) => [element, value] as const),
      ),
    );
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    if (this.mediaOrigin !== null && url.pathname.startsWith('/pkg/media/')) {
      response.writeHead(302, { location: `${this.mediaOrigin}${url.pathname.slice('/pkg'.length)}` }).end();
      return true;
    }
    if (url.pathname === '/lms/api/launch') {
      const launch = nextLaunch(this.version, this.attempt);
      this.sessions.push({ launch, sets: [], commits: [] });
      json(response, { session: this.sessions.length - 1, launch, rules: this.rules });
      return true;
    }
    if (url.pathname === '/lms/api/commit' && request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as CommitBody;
      const session = this.sessions[body.session];
      if (!session) throw new Error(`A commit for an unknown session ${body.session}`);
      session.sets.push(...body.sets);
      session.commits.push({ atMs: Date.now(), terminate: body.terminate, cmi: body.cmi });
      // Review mode records nothing (Moodle's datamodel.php stores no track for it).
      if (session.launch.mode === 'normal') this.attempt = { number: session.launch.attempt, cmi: body.cmi };
      json(response, { result: 'true', errorCode: 0 });
      return true;
    }
    return false;
  }
}

function json(response: ServerResponse, value: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
