import { StudioError } from '@shared/contract/result';
import { logFileOf, openLog } from '../logging/log';
import type { Studio } from '../studio';
import { Interrupted, type CommandIo } from './io';
import { UsageError } from './options';

/**
 * One line on stderr. A usage mistake exits 2 with a hint; Ctrl+C exits 130; anything else exits 1, and what was
 * not the user's input (a failure, a storage problem) is logged with its stack and the line names the log file.
 */
export function reportError(
  error: unknown,
  io: CommandIo,
  dataDir: string | undefined,
  studio: Studio | undefined,
): number {
  if (error instanceof Interrupted) {
    io.stderr(`flipside: ${error.message}`);
    return 130;
  }
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (usage) {
    io.stderr(`flipside: ${oneLine(error)} (see flipside --help)`);
    return 2;
  }
  const studioError = error instanceof StudioError ? error : null;
  const userInput = studioError && ['invalid_input', 'not_found', 'conflict'].includes(studioError.code);
  const message = studioError?.issues
    ? studioError.issues.map((issue) => `${flagOf(issue.path)}: ${issue.message}`).join('; ')
    : oneLine(error);
  if (userInput || !dataDir) {
    io.stderr(`flipside: ${message}`);
    return 1;
  }
  const log = studio?.log ?? openLog(dataDir, 'cli');
  log.error(`flipside failed: ${message}`, error);
  io.stderr(`flipside: ${message} (details in ${logFileOf(dataDir)})`);
  return 1;
}

/** Names a contract field the way the user typed it, so `title` reads as `--title`. */
function flagOf(path: string): string {
  const flags: Record<string, string> = {
    lessonId: '--lesson',
    projectId: '--project',
    title: '--title',
    description: '--description',
    query: '--search',
    sort: '--sort',
  };
  return flags[path] ?? path;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}
