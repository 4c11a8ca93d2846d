import { defaultDataDir, resolveDataDir } from '../dataDir';
import { openStudio, type Studio } from '../studio';
import { checkCommand } from './checkCommand';
import { serveCommand } from './serveCommand';
import { COMMANDS, libraryCommand } from './commands';
import type { CommandIo } from './io';
import { parseCliArgs, UsageError } from './options';
import { reportError } from './reportError';
import { USAGE } from './usage';

export type CliIo = CommandIo;

/** Runs one command through the same dispatcher (and so the same validation and services) the app uses. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  // The class server has its own options and no library: everything after `serve` is its own.
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io, version);
  let studio: Studio | undefined;
  let dataDir: string | undefined;
  try {
    const { values, positionals } = parseCliArgs(argv);
    if (values.version) {
      io.stdout(version);
      return 0;
    }
    if (values.help || positionals.length === 0) {
      io.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    const [first = '', second = ''] = positionals;
    // check reads a package, not a library: no data folder is opened (or created).
    if (first === 'check') return await checkCommand(positionals.slice(1), io);
    dataDir = resolveDataDir({ flag: values.data, env: io.env, fallback: () => defaultDataDir() });
    if (first === 'library') return await libraryCommand(dataDir, second, positionals.slice(2), values, io);
    const twoWords = COMMANDS[`${first} ${second}`];
    const command = twoWords ?? COMMANDS[first];
    const args = positionals.slice(twoWords ? 2 : 1);
    if (!command || (twoWords && args.length > 0)) throw new UsageError(`unknown command “${positionals.join(' ')}”`);
    studio = openStudio({
      dataDir,
      host: 'cli',
      access: command.reads ? 'read' : 'owner',
      ownerLabel: `flipside ${twoWords ? `${first} ${second}` : first}`,
    });
    await command.run(studio, studio.client('cli'), values, io, args);
    return 0;
  } catch (error) {
    return reportError(error, io, dataDir, studio);
  } finally {
    await studio?.close();
  }
}
