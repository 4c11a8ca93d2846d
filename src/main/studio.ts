import fs from 'node:fs';
import { contract, type Contract, type ServiceHandlers } from '@shared/contract';
import { browserCapture } from './capture/browserCapture';
import type { z } from 'zod';
import type { hostKindSchema } from '@shared/contract/app';
import { openDatabase, readUserVersion, type StudioDatabase } from './store/database';
import { EventHub } from './rpc/eventHub';
import { createDispatcher, type Dispatcher } from './rpc/dispatcher';
import { ProjectsService } from './library/ProjectsService';
import { LessonsService } from './library/LessonsService';
import { RecordingService } from './recording/RecordingService';
import { TakesService } from './recording/TakesService';
import { EditorService } from './editor/EditorService';
import { DerivedService } from './derived/DerivedService';
import { RenderService } from './render/RenderService';
import { PublishService } from './publish/PublishService';
import { CaptionsService } from './captions/CaptionsService';
import { ClassServerService } from './classServer/ClassServerService';
import { mediaRootOf, PRODUCT_NAME } from './dataDir';
import packageJson from '../../package.json';

export interface StudioOptions {
  dataDir: string;
  /** Electron passes its own; the browser host and the CLI have none (see browserCapture). */
  capture?: (events: EventHub<Contract>) => ServiceHandlers<Contract['capture']>;
  host: z.infer<typeof hostKindSchema>;
  onInternalError?: (channel: string, error: unknown) => void;
  /** Electron passes shell.showItemInFolder; elsewhere publish answers that it cannot show a folder. */
  reveal?: (file: string) => void;
}

/** Everything main serves, wired once: the database, the services, the handler table and the event hub. */
export interface Studio {
  readonly dataDir: string;
  readonly mediaRoot: string;
  readonly db: StudioDatabase;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub<Contract>;
  close(): void;
}

export function openStudio(options: StudioOptions): Studio {
  const db = openDatabase(options.dataDir);
  const mediaRoot = mediaRootOf(options.dataDir);
  fs.mkdirSync(mediaRoot, { recursive: true });
  const events = new EventHub(contract);
  const deps = { db, events, mediaRoot };
  const recordings = new RecordingService(deps);
  const renders = new RenderService(deps);
  const lessons = new LessonsService(deps);
  const editor = new EditorService(deps);
  const captions = new CaptionsService(deps);
  const classServer = new ClassServerService(deps);
  const publish = new PublishService({
    upload: (zip, info, uploadOptions) => classServer.upload(zip, info, uploadOptions),
    events,
    source: {
      mediaRoot,
      openDocument: (lessonId) => editor.open({ lessonId }),
      listRenders: (lessonId) => renders.list({ lessonId }),
      getLesson: (id) => lessons.get({ id }),
      listCaptions: (lessonId) => captions.list({ lessonId }),
    },
    ...(options.reveal ? { reveal: options.reveal } : {}),
  });
  const dispatcher = createDispatcher(
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
      publish,
      captions,
      classroom: classServer,
    },
    options.onInternalError ? { onInternalError: options.onInternalError } : {},
  );
  return {
    dataDir: options.dataDir,
    mediaRoot,
    db,
    dispatcher,
    events,
    close: () => {
      recordings.closeAll();
      renders.cancelAll();
      publish.cancelAll();
      db.close();
    },
  };
}
