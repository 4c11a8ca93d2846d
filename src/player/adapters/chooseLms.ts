import { parseLearnerNumber } from '@shared/checkpoints/normalize';
import type { LessonPackage } from '@shared/player';
import type { PlayerAdapter, StartResult } from '../adapter';
import { createCallLog, type CallLog } from './callLog';
import { createCmi5Adapter } from './cmi5/cmi5Adapter';
import { readLaunch } from './cmi5/launch';
import { findApi, type WindowLike } from './findApi';
import { scorm12Profile, scorm2004Profile, type ProfileContext } from './profiles';
import { createScormAdapter } from './scormAdapter';
import { createScormDriver, DIALECT_12, DIALECT_2004 } from './scormDriver';

export type LmsKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'web' | 'classServer';

export const NO_LMS_MESSAGE = 'Your progress is saved in this browser only: no LMS connection was found.';
export const LMS_REFUSED_MESSAGE =
  'The LMS refused this lesson’s connection: your progress is saved in this browser only.';

/** The package's builder writes <meta name="flipside-lms" content="…">; a page without it is a plain web folder. */
export function lmsKindOf(doc: Document): LmsKind {
  const content = doc.querySelector('meta[name="flipside-lms"]')?.getAttribute('content');
  return content === 'scorm12' || content === 'scorm2004' || content === 'cmi5' || content === 'classServer'
    ? content
    : 'web';
}

export interface ChosenAdapter {
  readonly adapter: PlayerAdapter;
  readonly log: CallLog;
  /** Shown above the player when the package expected an LMS and is running without one. */
  readonly notice: string | null;
  /** True once an LMS that was found refused to start, and the lesson went on without it. */
  readonly fellBack: () => boolean;
}

/** Choice letters a, b, c … by each choice's place in its question (see responses.ts). */
function choiceLetters(lesson: LessonPackage): ProfileContext['letterOf'] {
  const letters = new Map<string, Map<string, string>>();
  for (const checkpoint of lesson.checkpoints) {
    if (checkpoint.type === 'single' || checkpoint.type === 'multiple') {
      letters.set(
        checkpoint.id,
        new Map(checkpoint.choices.map((choice, index) => [choice.id, String.fromCharCode(97 + index)])),
      );
    }
  }
  return (checkpointId, choiceId) => letters.get(checkpointId)?.get(choiceId) ?? null;
}

export function chooseLmsAdapter(
  win: WindowLike & { readonly location?: { readonly search: string } },
  kind: Exclude<LmsKind, 'classServer'>,
  lesson: LessonPackage,
  standalone: () => PlayerAdapter,
  fetcher: typeof fetch = (...args) => fetch(...args),
): ChosenAdapter {
  if (kind === 'web')
    return {
      adapter: standalone(),
      log: createCallLog('Web folder: progress kept in this browser'),
      notice: null,
      fellBack: () => false,
    };
  if (kind === 'cmi5') return chooseCmi5(win.location?.search ?? '', lesson, standalone, fetcher);
  const apiName = kind === 'scorm12' ? 'API' : 'API_1484_11';
  const api = findApi(win, apiName);
  const label = kind === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004';
  if (!api) {
    const log = createCallLog(`${label}: no ${apiName} found in this window, its parents or its opener`);
    log.add(`find ${apiName}`, '', 'not found: running without an LMS, progress kept in this browser');
    return { adapter: standalone(), log, notice: NO_LMS_MESSAGE, fellBack: () => false };
  }
  const log = createCallLog(`${label}: ${apiName} found`);
  const context: ProfileContext = {
    letterOf: choiceLetters(lesson),
    readNumber: parseLearnerNumber,
    language: lesson.language,
  };
  const profile = kind === 'scorm12' ? scorm12Profile(context) : scorm2004Profile(context);
  const lms = createScormAdapter(
    createScormDriver(api, kind === 'scorm12' ? DIALECT_12 : DIALECT_2004, log),
    log,
    profile,
  );
  const adapter = withFallback(lms, standalone, log);
  return { adapter, log, notice: null, fellBack: () => adapter.fellBack() };
}

/** A cmi5 AU is launched with its LMS in the query string; opened without one, it plays on its own. */
function chooseCmi5(
  search: string,
  lesson: LessonPackage,
  standalone: () => PlayerAdapter,
  fetcher: typeof fetch,
): ChosenAdapter {
  const read = readLaunch(search);
  if (!read.ok) {
    const log = createCallLog('cmi5: not launched by an LMS');
    log.add('read launch parameters', '', `${read.problem}: running without an LMS, progress kept in this browser`);
    return { adapter: standalone(), log, notice: NO_LMS_MESSAGE, fellBack: () => false };
  }
  const log = createCallLog(`cmi5: ${new URL(read.launch.endpoint).host}`);
  const lms = createCmi5Adapter({
    launch: read.launch,
    log,
    fetch: fetcher,
    language: lesson.language,
    letterOf: choiceLetters(lesson),
    readNumber: parseLearnerNumber,
  });
  const adapter = withFallback(lms, standalone, log);
  return { adapter, log, notice: null, fellBack: () => adapter.fellBack() };
}

/** An LMS that refuses to start the session still gets a playable lesson: the standalone adapter takes over. */
function withFallback(
  primary: PlayerAdapter,
  fallback: () => PlayerAdapter,
  log: CallLog,
): PlayerAdapter & { fellBack(): boolean } {
  let current = primary;
  let fell = false;
  return {
    async start(): Promise<StartResult> {
      try {
        return await primary.start();
      } catch (error) {
        log.note(`${error instanceof Error ? error.message : String(error)}; progress is kept in this browser instead`);
        current = fallback();
        fell = true;
        return current.start();
      }
    },
    progress: (value) => current.progress(value),
    interaction: (value) => current.interaction(value),
    score: (value) => current.score(value),
    completion: (value) => current.completion(value),
    suspend: (value) => current.suspend(value),
    flush: () => current.flush(),
    finish: () => current.finish(),
    lastError: () => current.lastError() ?? log.lastError(),
    fellBack: () => fell,
  };
}
