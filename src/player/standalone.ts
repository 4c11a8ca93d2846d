import { z } from 'zod';
import './ui/player.css';
import { lessonPackageSchema } from '@shared/player';
import type { LessonPackage } from '@shared/player';
import { chooseLmsAdapter, LMS_REFUSED_MESSAGE, lmsKindOf, type ChosenAdapter } from './adapters/chooseLms';
import { chooseClassServer } from './adapters/chooseClassServer';
import { installDebugPanel, showBanner } from './adapters/debugPanel';
import { createStandaloneAdapter, type KeyValueStorage } from './standaloneAdapter';
import { showError } from './ui/errorView';
import { mountPlayer } from './ui/player';

declare global {
  interface Window {
    /** Set by the package's lesson.js; the same object as lesson.json. */
    FLIPSIDE_LESSON?: unknown;
  }
}

// The export's CSP has no 'unsafe-eval': without this, zod probes `new Function` and the browser logs a violation.
z.config({ jitless: true });

/**
 * The seam for the LMS adapters: the package's <meta name="flipside-lms"> says which runtime to look for (SCORM 1.2's
 * API, SCORM 2004's API_1484_11, in this window, its parents or its opener); the standalone adapter is what is left.
 */
export function chooseAdapter(win: Window, lesson: LessonPackage): ChosenAdapter {
  const kind = lmsKindOf(win.document);
  if (kind === 'classServer') return chooseClassServer(win, lesson, browserStorage(win));
  return chooseLmsAdapter(win, kind, lesson, () =>
    createStandaloneAdapter({ storage: browserStorage(win), lessonId: lesson.id }),
  );
}

/** localStorage, or a memory stand-in where it is blocked (some sandboxed frames, strict privacy settings). */
function browserStorage(win: Window): KeyValueStorage {
  try {
    const storage = win.localStorage;
    storage.getItem('flipside:probe');
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) };
  }
}

async function readLesson(win: Window): Promise<unknown> {
  if (win.FLIPSIDE_LESSON !== undefined) return win.FLIPSIDE_LESSON;
  let response: Response;
  try {
    response = await fetch('lesson.json', { cache: 'no-cache' });
  } catch {
    throw new Error(
      'The lesson file could not be read. If you opened this lesson from a folder, keep lesson.js next to index.html.',
    );
  }
  if (!response.ok) throw new Error(`The lesson file could not be loaded (error ${response.status}).`);
  return response.json();
}

async function start(win: Window): Promise<void> {
  const root = win.document.getElementById('flipside-player');
  if (!root) return;
  let raw: unknown;
  try {
    raw = await readLesson(win);
  } catch (error) {
    showError(root, 'This lesson could not be opened', [error instanceof Error ? error.message : String(error)]);
    return;
  }
  const parsed = lessonPackageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || 'lesson'}: ${issue.message}`);
    showError(root, 'This lesson is damaged or was made by a newer version', issues);
    return;
  }
  const lesson = parsed.data;
  win.document.title = lesson.title || 'Lesson';
  win.document.documentElement.lang = lesson.language;
  const chosen = chooseAdapter(win, lesson);
  const debug = installDebugPanel(win, chosen.log);
  if (chosen.notice) showBanner(win, root, chosen.notice, debug.open);
  const mounted = mountPlayer(root, lesson, chosen.adapter, { pageKeys: true });
  void mounted.ready.then(() => {
    if (chosen.fellBack()) showBanner(win, root, LMS_REFUSED_MESSAGE, debug.open);
  });
}

void start(window);
