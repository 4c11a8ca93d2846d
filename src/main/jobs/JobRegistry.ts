import { randomUUID } from 'node:crypto';
import { StudioError } from '@shared/contract/result';

export type JobKind =
  'render' | 'cut' | 'publish' | 'import' | 'recording' | 'recover' | 'backup' | 'copy' | 'transcribe' | 'save';
type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A job stopped because the teacher cancelled it. */
export class JobCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'AbortError';
  }
}

/** A job stopped because its window or the studio went away, not by the teacher's choice. */
export class Interrupted extends Error {
  constructor() {
    super('Interrupted: the studio or its window closed');
    this.name = 'AbortError';
  }
}

/** Who asked for a job when nobody in particular did (scripts, tests). */
const LOCAL_OWNER = 'local';

export interface JobSpec {
  readonly kind: JobKind;
  /** Who asked: a window (`window:3`), the browser host, the CLI. `cancelOwner` stops all of one owner's jobs. */
  readonly owner?: string;
  /** Jobs with one key never run at once: the second is refused (one take's recover and discard). */
  readonly key?: string;
  /** Partial outputs the job writes, recorded so that the owner's next start removes them if this process dies. */
  readonly parts?: readonly string[];
  /** What cancelling does beyond aborting `signal` (a render closes and removes its part). */
  readonly onCancel?: () => void;
  /** Closing waits for it to finish rather than cancelling it: short work worth keeping (a backup). */
  readonly finishOnClose?: boolean;
}

export interface Job<D = unknown> {
  readonly id: string;
  readonly kind: JobKind;
  readonly owner: string;
  readonly key: string | undefined;
  readonly signal: AbortSignal;
  readonly state: JobState;
  /** What the service wants to answer about the job (a publish job's stage and output); kept a while after it ends. */
  detail: D;
  /** A partial output found after the job began. */
  addPart(file: string): void;
  /** The job is over and has removed whatever it must; nothing of it is left to clean up. */
  end(state?: Exclude<JobState, 'running'>): void;
}

/** Where the registry records partial outputs, so a crash leaves a list to clean up (the `jobs` table). */
export interface PartsLedger {
  record(jobId: string, kind: JobKind, parts: readonly string[]): void;
  forget(jobId: string): void;
}

export interface JobRegistryOptions {
  readonly ledger?: PartsLedger;
  /** Ended jobs are answered for this long, and at most `keepEnded` of them (the newest). */
  readonly keepEndedMs?: number;
  readonly keepEnded?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly job: Job;
  readonly controller: AbortController;
  readonly onCancel: (() => void) | undefined;
  readonly finishOnClose: boolean;
  readonly ended: Promise<undefined>;
  endedAt: number | null;
  parts: string[];
}

/**
 * Every long job of one studio: render writes, publishes, imports and their conversion, recordings, recoveries,
 * backups. A job has an id, an owner, an AbortSignal and an end; `closeAll` cancels every job and waits until each
 * has ended, so the database never closes under one. Ended jobs are pruned.
 */
export class JobRegistry {
  private readonly entries = new Map<string, Entry>();
  private closed = false;
  private readonly keepEndedMs: number;
  private readonly keepEnded: number;
  private readonly now: () => number;

  constructor(private readonly options: JobRegistryOptions = {}) {
    this.keepEndedMs = options.keepEndedMs ?? 60 * 60 * 1000;
    this.keepEnded = options.keepEnded ?? 32;
    this.now = options.now ?? Date.now;
  }

  /** True once `closeAll` has begun: failures from here on are jobs being stopped, not faults. */
  get closing(): boolean {
    return this.closed;
  }

  /** Starts a job; `detail` makes what the service keeps about it, given the job's id. */
  begin<D = undefined>(spec: JobSpec, detail?: (id: string) => D): Job<D> {
    if (this.closed) throw new StudioError('conflict', 'The studio is closing; nothing new can start');
    if (spec.key !== undefined && this.runningWithKey(spec.key))
      throw new StudioError('conflict', 'That is already in progress; wait until it has finished');
    this.prune();
    const id = randomUUID();
    const controller = new AbortController();
    let resolveEnded: (value: undefined) => void = () => undefined;
    const ended = new Promise<undefined>((resolve) => {
      resolveEnded = resolve;
    });
    const parts = [...(spec.parts ?? [])];
    let state: JobState = 'running';
    const job: Job<D> = {
      id,
      kind: spec.kind,
      owner: spec.owner ?? LOCAL_OWNER,
      key: spec.key,
      signal: controller.signal,
      get state() {
        return state;
      },
      detail: detail ? detail(id) : (undefined as D),
      addPart: (file) => {
        if (state !== 'running') return;
        parts.push(file);
        this.options.ledger?.record(id, spec.kind, parts);
      },
      end: (final = controller.signal.aborted ? 'cancelled' : 'done') => {
        if (state !== 'running') return;
        state = final;
        entry.endedAt = this.now();
        if (parts.length > 0) this.options.ledger?.forget(id);
        resolveEnded(undefined);
      },
    };
    const entry: Entry = {
      job,
      controller,
      onCancel: spec.onCancel,
      finishOnClose: spec.finishOnClose ?? false,
      ended,
      endedAt: null,
      parts,
    };
    if (parts.length > 0) this.options.ledger?.record(id, spec.kind, parts);
    this.entries.set(id, entry);
    return job;
  }

  /** Runs `work` as a job: it ends when the work settles, `failed` if it threw. */
  async run<T>(spec: JobSpec, work: (job: Job<undefined>) => Promise<T>): Promise<T> {
    const job = this.begin(spec);
    try {
      const value = await work(job);
      job.end();
      return value;
    } catch (error) {
      job.end(job.signal.aborted ? 'cancelled' : 'failed');
      throw error;
    }
  }

  /** A running or recently ended job of `kind`. */
  find<D>(id: string, kind: JobKind): Job<D> | undefined {
    this.prune();
    const entry = this.entries.get(id);
    return entry?.job.kind === kind ? (entry.job as Job<D>) : undefined;
  }

  /** The running job holding `key`, if any. */
  runningWithKey(key: string): Job | undefined {
    for (const { job } of this.entries.values()) if (job.key === key && job.state === 'running') return job;
    return undefined;
  }

  running(): Job[] {
    return [...this.entries.values()].filter((entry) => entry.job.state === 'running').map((entry) => entry.job);
  }

  /**
   * Asks a job to stop; it ends on its own once it has cleaned up. The signal's reason says why: the teacher's cancel,
   * or `Interrupted` when the window or the studio went away (work worth keeping elsewhere, such as the part of an
   * upload a server holds, is then kept to go on from).
   */
  cancel(id: string, reason: Error = new JobCancelled()): void {
    const entry = this.entries.get(id);
    if (!entry || entry.job.state !== 'running' || entry.controller.signal.aborted) return;
    entry.controller.abort(reason);
    entry.onCancel?.();
  }

  /** Cancels and waits for one job. */
  async cancelAndWait(id: string, reason?: Error): Promise<void> {
    this.cancel(id, reason);
    await this.entries.get(id)?.ended;
  }

  /** Stops every job one owner (a window that closed) started, and waits until they have all ended. */
  async cancelOwner(owner: string): Promise<void> {
    const mine = this.running().filter((job) => job.owner === owner);
    await Promise.all(mine.map((job) => this.cancelAndWait(job.id, new Interrupted())));
  }

  /** Refuses new jobs, stops every running one (lets one marked `finishOnClose` finish) and waits until all end. */
  async closeAll(): Promise<void> {
    this.closed = true;
    const running = [...this.entries.values()].filter((entry) => entry.job.state === 'running');
    await Promise.all(
      running.map((entry) => (entry.finishOnClose ? entry.ended : this.cancelAndWait(entry.job.id, new Interrupted()))),
    );
  }

  private prune(): void {
    const ended = [...this.entries.values()]
      .filter((entry) => entry.endedAt !== null)
      .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
    const oldest = this.now() - this.keepEndedMs;
    ended.forEach((entry, index) => {
      if (index >= this.keepEnded || (entry.endedAt ?? 0) < oldest) this.entries.delete(entry.job.id);
    });
  }
}
