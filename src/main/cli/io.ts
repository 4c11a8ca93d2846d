/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Aborted by Ctrl+C: a long command cancels its job and exits 130, leaving nothing half-written. */
  signal?: AbortSignal;
}

/** The user pressed Ctrl+C and the command stopped cleanly. */
export class Interrupted extends Error {
  constructor() {
    super('cancelled; nothing was written');
  }
}
