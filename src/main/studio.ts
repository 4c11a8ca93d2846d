import fs from 'node:fs';
import { contract, type Contract, type ServiceHandlers, type StudioClient } from '@shared/contract';
import type { CallResult } from '@shared/contract/result';
import { browserCapture } from './capture/browserCapture';
import type { z } from 'zod';
import type { hostKindSchema } from '@shared/contract/app';
import { openDatabase, readUserVersion, type StudioDatabase } from './store/database';
import { acquireLibraryLock, type LibraryLock } from './store/libraryLock';
import { backupDue, takeBackup } from './store/backups';
import { EventHub } from './rpc/eventHub';
import { createDispatcher, type Dispatcher } from './rpc/dispatcher';
import { inProcessClient } from './rpc/inProcessTransport';
import { ProjectsService } from './library/ProjectsService';
import { LessonsService } from './library/LessonsService';
import { RecordingService } from './recording/RecordingService';
import { TakesService } from './recording/TakesService';
import { EditorService } from './editor/EditorService';
import { DerivedService } from './derived/DerivedService';
import { FilesService, type FileShell } from './files/FilesService';
import { RenderService } from './render/RenderService';
import { CutService } from './cut/CutService';
import { findLayers } from './cut/layers';
import { TakeRows } from './recording/takeRows';
import { PublishService } from './publish/PublishService';
import { PublishHistory } from './publish/history';
import { NotesService } from './notes/NotesService';
import { TranscribeService } from './transcribe/TranscribeService';
import { PocketsphinxTranscriber } from './transcribe/pocketsphinx';
import type { Transcriber } from './transcribe/Transcriber';
import { ClassServerService } from './classServer/ClassServerService';
import { JobRegistry } from './jobs/JobRegistry';
import { databaseLedger, removeAbandonedParts } from './jobs/partsLedger';
import { openLog, type StudioLog } from './logging/log';
import { mediaRootOf, PRODUCT_NAME } from './dataDir';
import packageJson from '../../package.json';

type HostKind = z.infer<typeof hostKindSchema>;

export interface StudioOptions {
  dataDir: string;
  /** Electron passes its own; the browser host and the CLI have none (see browserCapture). */
  capture?: (events: EventHub<Contract>) => ServiceHandlers<Contract['capture']>;
  host: HostKind;
  /**
   * `owner` (the default) takes the library's lock, cleans up after processes that died, and keeps backups;
   * `read` opens the database read-only beside any owner and never writes (the CLI's list commands).
   */
  access?: 'owner' | 'read';
  /** Who owns the library, in the words another process shows: "flipside publish". */
  ownerLabel?: string;
  /** Also told of every internal error (which is always written to the log, with its stack). */
  onInternalError?: (channel: string, error: unknown) => void;
  /** Electron's save dialog and file manager; elsewhere files are downloaded and nothing can be shown in a folder. */
  shell?: FileShell;
  /** Internal errors and warnings also go to the console (the browser host's terminal). */
  logToConsole?: boolean;
  /** The speech engine for caption drafts; PocketSphinx as the system installs it unless told otherwise. */
  transcriber?: Transcriber;
}

/** Everything main serves, wired once: the database, the services, the handler table and the event hub. */
export interface Studio {
  readonly dataDir: string;
  readonly mediaRoot: string;
  readonly db: StudioDatabase;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub<Contract>;
  readonly jobs: JobRegistry;
  readonly log: StudioLog;
  readonly access: 'owner' | 'read';
  /** The typed client over an in-process transport: the CLI's and scripts' way in. */
  client(caller: string): StudioClient;
  /**
   * Refuses new calls, cancels every job and waits for each to end (and for calls already running), then closes
   * the database and lets the library go.
   */
  close(): Promise<void>;
}

const OWNER_LABELS: Record<HostKind, string> = {
  electron: PRODUCT_NAME,
  browser: `${PRODUCT_NAME}'s browser host`,
  cli: 'The flipside command',
};

export function openStudio(options: StudioOptions): Studio {
  const access = options.access ?? 'owner';
  const log = openLog(options.dataDir, options.host, { console: options.logToConsole ?? false });
  let lock: LibraryLock | null = null;
  let db: StudioDatabase;
  try {
    if (access === 'owner')
      lock = acquireLibraryLock(options.dataDir, options.ownerLabel ?? OWNER_LABELS[options.host]);
    db = openDatabase(options.dataDir, { readonly: access === 'read' });
  } catch (error) {
    lock?.release();
    log.warn(`Could not open the library: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  const mediaRoot = mediaRootOf(options.dataDir);
  if (access === 'owner') fs.mkdirSync(mediaRoot, { recursive: true });
  // A listener that throws is logged; it never turns a committed change into an error answer.
  const events = new EventHub(contract, (channel, error) => {
    log.error(`A listener of ${channel} failed`, error);
    options.onInternalError?.(channel, error);
  });
  const jobs = new JobRegistry(lock ? { ledger: databaseLedger(db, options.dataDir, lock.owner.session) } : {});
  const deps = { db, events, mediaRoot, jobs };
  const recordings = new RecordingService({ ...deps, log });
  const renders = new RenderService({ ...deps, log });
  const lessons = new LessonsService(deps);
  const editor = new EditorService(deps);
  const notes = new NotesService({ ...deps, openDocument: (lessonId) => editor.open({ lessonId }) });
  const takeRows = new TakeRows(db);
  const cuts = new CutService({
    events,
    mediaRoot,
    jobs,
    openDocument: (lessonId) => editor.open({ lessonId }),
    take: (takeId) => takeRows.take(takeId),
    renderPart: (renderId) => renders.partFor(renderId),
    log,
  });
  const classServer = new ClassServerService(deps);
  const history = new PublishHistory({ db, mediaRoot });
  const publish = new PublishService({
    upload: (zip, info, uploadOptions) => classServer.upload(zip, info, uploadOptions),
    events,
    jobs,
    source: {
      mediaRoot,
      openDocument: (lessonId) => editor.open({ lessonId }),
      listRenders: (lessonId) => renders.list({ lessonId }),
      getLesson: (id) => lessons.get({ id }),
      listNoteFiles: (lessonId) => notes.files({ lessonId }),
      listLessons: (projectId) => lessons.list({ projectId, view: 'active' }),
      findLayers: (lessonId) => {
        const document = editor.open({ lessonId });
        return findLayers(mediaRoot, document, takeRows.take(document.takeId));
      },
      layersProblem: (lessonId) => cuts.problem(lessonId),
      classServerUrl: (lessonId) => classServer.published({ lessonId })?.lessonUrl ?? null,
    },
    history,
  });
  const inner = createDispatcher(
    contract,
    {
      app: {
        info: () => ({
          name: PRODUCT_NAME,
          version: packageJson.version,
          host: options.host,
          dataDir: options.dataDir,
          schemaVersion: readUserVersion(db),
        }),
      },
      projects: new ProjectsService(deps),
      lessons,
      takes: new TakesService(deps),
      recordings,
      capture: options.capture?.(events) ?? browserCapture,
      editor,
      derived: new DerivedService(deps),
      renders,
      cuts,
      publish,
      notes,
      transcribe: new TranscribeService({
        ...deps,
        openDocument: (lessonId) => editor.open({ lessonId }),
        transcriber: options.transcriber ?? new PocketsphinxTranscriber(),
      }),
      classroom: classServer,
      files: new FilesService({
        db,
        events,
        mediaRoot,
        jobs,
        history,
        ...(options.shell ? { shell: options.shell } : {}),
      }),
    },
    {
      onInternalError: (channel, error) => {
        log.error(`Call ${channel} failed unexpectedly`, error);
        options.onInternalError?.(channel, error);
      },
    },
  );

  if (lock) {
    const session = lock.owner.session;
    const removed = [
      ...removeAbandonedParts(db, options.dataDir, session),
      ...renders.removeAbandoned(),
      ...recordings.removeAbandonedImports(),
    ];
    if (removed.length > 0) log.info(`Removed what a process that stopped left unfinished: ${removed.join(', ')}`);
    if (backupDue(options.dataDir, Date.now()))
      void jobs
        .run({ kind: 'backup', finishOnClose: true }, (job) =>
          takeBackup(db, options.dataDir, { signal: job.signal, onPart: (part) => job.addPart(part) }),
        )
        .then(
          (file) => log.info(`Backed up the library to ${file}`),
          (error: unknown) => {
            if (!jobs.closing) log.error('The daily backup failed', error);
          },
        );
  }

  const inFlight = new Set<Promise<CallResult>>();
  let closing: Promise<void> | null = null;
  const dispatcher: Dispatcher = {
    channels: inner.channels,
    dispatch: (channel, input, context) => {
      if (closing)
        return Promise.resolve({
          ok: false,
          error: { code: 'conflict', message: 'The studio is closing; nothing new can start' },
        });
      const call = inner.dispatch(channel, input, context);
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
      return call;
    },
  };

  const close = async (): Promise<void> => {
    await jobs.closeAll();
    await Promise.all([...inFlight]);
    recordings.closeAll();
    db.close();
    lock?.release();
  };

  return {
    dataDir: options.dataDir,
    mediaRoot,
    db,
    dispatcher,
    events,
    jobs,
    log,
    access,
    client: (caller) => inProcessClient({ dispatcher, events }, caller),
    close: () => (closing ??= close()),
  };
}
