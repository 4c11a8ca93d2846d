import type { LessonPackage } from '@shared/player';
import type { KeyValueStorage } from '../standaloneAdapter';
import { createCallLog } from './callLog';
import type { ChosenAdapter } from './chooseLms';
import { createClassServerAdapter } from './classServerAdapter';

/** A lesson the class server hosts: its adapter, over this window's address, storage and network. */
export function chooseClassServer(win: Window, lesson: LessonPackage, storage: KeyValueStorage): ChosenAdapter {
  const log = createCallLog('Class server: answers and viewing sent to the server that hosts this lesson');
  let session: KeyValueStorage;
  try {
    session = win.sessionStorage;
  } catch {
    session = storage;
  }
  const adapter = createClassServerAdapter({
    lessonId: lesson.id,
    location: { href: win.location.href, hash: win.location.hash, assign: (url) => win.location.assign(url) },
    replaceUrl: (url) => win.history.replaceState(win.history.state, '', url),
    sessionStorage: session,
    storage,
    fetch: (input, init) => win.fetch(input, init),
    log,
    onOnline: (listener) => win.addEventListener('online', listener),
  });
  return { adapter, log, notice: null, fellBack: () => false };
}
