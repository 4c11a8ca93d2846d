import { z } from 'zod';
import {
  completionStatusSchema,
  describeIssue,
  interactionSchema,
  progressSchema,
  scoreSchema,
  type CompletionStatus,
  type Interaction,
  type PlayerAdapter,
  type Progress,
  type Score,
  type StartResult,
} from './adapter';

/**
 * The part of the Web Storage API we use: `localStorage` in a browser, a Map-backed object in tests. setItem may throw
 * (quota exceeded, storage disabled in private mode), which the adapter survives.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Kept per lesson so one browser can hold several lessons' progress; interactions are capped to stay under quota. */
export const INTERACTIONS_KEPT = 500;

const storedInteractionSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && 'timestamp' in value && typeof value.timestamp === 'string'
      ? { ...value, timestamp: new Date(value.timestamp) }
      : value,
  interactionSchema,
);

export const standaloneRecordSchema = z.object({
  version: z.literal(1),
  suspendData: z.string().nullable(),
  progress: progressSchema.nullable(),
  score: scoreSchema.nullable(),
  completion: completionStatusSchema.nullable(),
  interactions: z.array(storedInteractionSchema),
  /** Set by finish(), so a teacher testing the folder can see the session closed properly. */
  finishedAt: z.string().nullable(),
});
export type StandaloneRecord = z.infer<typeof standaloneRecordSchema>;

export function emptyRecord(): StandaloneRecord {
  return {
    version: 1,
    suspendData: null,
    progress: null,
    score: null,
    completion: null,
    interactions: [],
    finishedAt: null,
  };
}

export function storageKey(lessonId: string): string {
  return `flipside:lesson:${lessonId}`;
}

/** What is stored for a lesson; a missing or unreadable record reads as empty. */
export function readRecord(
  storage: KeyValueStorage,
  lessonId: string,
): { record: StandaloneRecord; error: string | null } {
  let text: string | null;
  try {
    text = storage.getItem(storageKey(lessonId));
  } catch (error) {
    return { record: emptyRecord(), error: `Storage could not be read: ${messageOf(error)}` };
  }
  if (text === null) return { record: emptyRecord(), error: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { record: emptyRecord(), error: 'The saved record was damaged; starting afresh' };
  }
  const parsed = standaloneRecordSchema.safeParse(raw);
  return parsed.success
    ? { record: parsed.data, error: null }
    : { record: emptyRecord(), error: describeIssue('The saved record was not valid; starting afresh', parsed.error) };
}

export interface StandaloneOptions {
  readonly storage: KeyValueStorage;
  readonly lessonId: string;
  readonly now?: () => Date;
}

/**
 * The plain web folder's adapter: no LMS, progress kept in the learner's own browser. Every call writes through, so a
 * closed tab loses nothing; there is no learner name and the mode is always normal.
 */
export function createStandaloneAdapter({
  storage,
  lessonId,
  now = () => new Date(),
}: StandaloneOptions): PlayerAdapter {
  let record = emptyRecord();
  let error: string | null = null;

  const save = (change: (current: StandaloneRecord) => StandaloneRecord) => {
    record = change(record);
    try {
      storage.setItem(storageKey(lessonId), JSON.stringify(record));
    } catch (failure) {
      error = `Progress could not be saved in this browser: ${messageOf(failure)}`;
    }
  };

  // Each call checks its input, so a player bug shows in the debug panel instead of corrupting the record.
  function guarded<T>(
    what: string,
    schema: z.ZodType<T>,
    apply: (value: T, current: StandaloneRecord) => StandaloneRecord,
  ) {
    return (value: unknown) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) error = describeIssue(what, parsed.error);
      else save((current) => apply(parsed.data, current));
    };
  }

  return {
    async start(): Promise<StartResult> {
      const read = readRecord(storage, lessonId);
      record = read.record;
      error = read.error;
      return { resumeState: record.suspendData, mode: 'normal' };
    },
    progress: guarded<Progress>('progress', progressSchema, (progress, current) => ({ ...current, progress })),
    interaction: guarded<Interaction>('interaction', interactionSchema, (interaction, current) => ({
      ...current,
      interactions: [...current.interactions, interaction].slice(-INTERACTIONS_KEPT),
    })),
    score: guarded<Score>('score', scoreSchema, (score, current) => ({ ...current, score })),
    completion: guarded<CompletionStatus>('completion', completionStatusSchema, (completion, current) => ({
      ...current,
      completion,
    })),
    suspend: guarded<string>('suspend', z.string().max(4096), (suspendData, current) => ({ ...current, suspendData })),
    // Every call above already wrote through to storage.
    flush: () => undefined,
    async finish() {
      save((current) => ({ ...current, finishedAt: now().toISOString() }));
    },
    lastError: () => error,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
