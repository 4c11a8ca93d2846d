/**
 * What the built server bundle (out/main/server.js, from src/server/index.ts) exports to the studio's CLI: `flipside
 * serve` hands over its arguments and its output, and the server never imports the studio's code.
 */
export interface ServeIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM); the server then closes. */
  stopSignal: Promise<void>;
}

export interface ServeEntry {
  runServeCli(argv: readonly string[], io: ServeIo, version: string): Promise<number>;
}
