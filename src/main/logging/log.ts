import fs from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';

const LOGS_DIR = 'logs';
const LOG_FILE = 'flipside.log';
/** A log a teacher can attach to an e-mail: 2 MB a file, the current one and three older ones. */
const MAX_BYTES = 2 * 1024 * 1024;
const ARCHIVES = 3;

export interface StudioLog {
  /** The file being written now (older ones are `flipside.1.log` …). */
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  /** An error with its stack. */
  error(message: string, error?: unknown): void;
}

export function logFileOf(dataDir: string): string {
  return path.join(dataDir, LOGS_DIR, LOG_FILE);
}

/**
 * The studio's log in `<data>/logs/`, written with electron-log's Node entry, so the app, the browser host and the
 * CLI write the same file the same way. Every line names the process (`browser 4242`), since several may write
 * (a read-only CLI while the app runs). Writes are synchronous: a CLI that exits at once, or a process about to
 * crash, still leaves its last line.
 */
export function openLog(
  dataDir: string,
  who: string,
  options: { console?: boolean; maxBytes?: number } = {},
): StudioLog {
  const file = logFileOf(dataDir);
  const logger = electronLog.create({ logId: `${file}#${who}#${process.pid}` });
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = options.maxBytes ?? MAX_BYTES;
  logger.transports.file.format = `[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] [${who} ${process.pid}] {text}`;
  logger.transports.file.archiveLogFn = (current) => rotate(current.path);
  logger.transports.console.level = options.console ? 'warn' : false;
  return {
    file,
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message, error) => {
      if (error === undefined) logger.error(message);
      else logger.error(message, error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error));
    },
  };
}

/** flipside.log → flipside.1.log → … → flipside.3.log, the oldest dropped. */
function rotate(current: string): void {
  const { dir, name, ext } = path.parse(current);
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(numbered(ARCHIVES), { force: true });
  for (let n = ARCHIVES - 1; n >= 1; n -= 1)
    if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
  fs.renameSync(current, numbered(1));
}
