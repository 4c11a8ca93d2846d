import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express, { type Router } from 'express';
import winston from 'winston';
import presenterFacade from 'xapi-statements/dist/expressPresenter';
import repoFacade from 'xapi-statements/dist/repo/facade';
import serviceFacade from 'xapi-statements/dist/service';
import translatorFactory from 'xapi-statements/dist/translatorFactory';
import { createDocumentStore, type DocumentStore } from './documentApi';

/** What the LRS needs to know of a client: xapi-statements asks the LMS for it on every request (its `fetch` auth). */
export interface LrsClientInfo {
  readonly _id: string;
  readonly title: string;
  readonly authority: Record<string, unknown>;
  readonly isTrusted: boolean;
  readonly lrs_id: string;
  readonly organisation: string;
  readonly scopes: readonly string[];
}

export interface TestLrs {
  /** Mounted at /xapi on the test LMS's server. */
  readonly router: Router;
  readonly documents: DocumentStore;
  close(): void;
}

/**
 * A real LRS inside the test: Learning Locker's xAPI statement service (npm: xapi-statements), with its models in
 * memory and its attachment storage in a temp folder of its own, validating every statement it is sent as Learning
 * Locker does; its clients are authorised by the LMS (`authEndpoint`, Learning Locker's "fetch" auth). The State and
 * Agent Profile resources come from documentApi.ts (see there why they are not from npm).
 */
export function createTestLrs(options: {
  readonly authEndpoint: string;
  readonly authorised: (authorization: string | undefined) => boolean;
}): TestLrs {
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-lrs-'));
  // Errors only, on the test's console: the service logs every request otherwise.
  const logger = new winston.Logger({ level: 'error', transports: [new winston.transports.Console()] });
  const tracker = Promise.resolve(() => undefined);
  const unused = 'unused://the test LRS keeps its models in memory';
  const repo = repoFacade({
    auth: { facade: 'fetch', fetch: { llClientInfoEndpoint: options.authEndpoint }, fake: {}, mongo: { url: unused } },
    events: { facade: 'test', redis: { url: unused, prefix: '' } },
    models: { facade: 'memory', memory: { state: { fullActivities: [], statements: [] } }, mongo: { url: unused } },
    storage: {
      facade: 'local',
      local: { storageDir },
      // The type asks for an aws-sdk client configuration, which the local facade never reads.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      s3: { bucketName: '', subFolder: '', awsConfig: {} },
    },
  });
  const service = serviceFacade({
    repo,
    tracker,
    logger,
    enableConflictChecks: true,
    enableAttachmentValidation: true,
    enableVoidingChecks: true,
    enableStatementCreation: true,
    enableAttachmentCreation: true,
    enableVoiding: true,
    enableReferencing: true,
    awaitUpdates: true,
    enableActivityUpdates: true,
    enableNullRemoval: false,
  });
  const presenter = presenterFacade({
    llClientInfoEndpoint: options.authEndpoint,
    customRoute: 'status',
    customRouteText: 'ok',
    morganDirectory: path.join(storageDir, 'access-logs'),
    bodyParserLimit: '5mb',
    service,
    translator: translatorFactory(),
    tracker,
    logger,
  });
  const documents = createDocumentStore(options.authorised);
  const router = express.Router();
  router.use('/about', presenter.aboutRouter);
  router.use('/statements', presenter.statementsRouter);
  router.use(documents.router);
  return { router, documents, close: () => fs.rmSync(storageDir, { recursive: true, force: true }) };
}
