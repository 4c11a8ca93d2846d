/** Every LMS call and its outcome, for the debug panel a teacher opens when "the LMS shows nothing". */
export interface LoggedCall {
  readonly atMs: number;
  readonly call: string;
  readonly result: string;
  readonly error: string | null;
}

export interface CallLog {
  readonly connection: string;
  entries(): readonly LoggedCall[];
  add(call: string, result: string, error: string | null): void;
  note(message: string): void;
  lastError(): string | null;
  subscribe(listener: () => void): () => void;
}

/** Bounded: a long lesson commits every ten seconds, and the panel needs only the recent past and every error. */
export const LOG_KEPT = 300;

export function createCallLog(connection: string, now: () => number = () => Date.now()): CallLog {
  const started = now();
  let entries: LoggedCall[] = [];
  let last: string | null = null;
  const listeners = new Set<() => void>();
  const push = (entry: LoggedCall) => {
    entries = [...entries, entry].slice(-LOG_KEPT);
    if (entry.error !== null) last = `${entry.call}: ${entry.error}`;
    for (const listener of listeners) listener();
  };
  return {
    connection,
    entries: () => entries,
    add: (call, result, error) => push({ atMs: now() - started, call, result, error }),
    note: (message) => push({ atMs: now() - started, call: message, result: '', error: null }),
    lastError: () => last,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
