import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, resolveDataDir } from '../dataDir';
import { openStudio } from '../studio';
import { startBrowserHost } from './server';

/**
 * `npm run web`: the studio in a browser tab, for machines without the Electron binary and for every UI test.
 * Prints exactly one line with the address (tests read it).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string', default: '0' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not “${values.port}”`);
  const dataDir = resolveDataDir({ flag: values.data, env: process.env, fallback: () => defaultDataDir() });
  // Internal errors go to the log file, with their stacks, and to this terminal.
  const studio = openStudio({ dataDir, host: 'browser', logToConsole: true });
  const host = await startBrowserHost({ studio, rendererDir: path.join(__dirname, '../renderer'), port }).catch(
    async (error: unknown) => {
      await studio.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new Error(`port ${port} is in use; choose another with --port, or --port 0 for any free one`);
      throw error;
    },
  );
  console.log(`Flipside Studio: ${host.url}`);

  // Every job is cancelled and awaited before the database closes and the library is let go.
  const stop = () => {
    void host
      .close()
      .then(() => studio.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Flipside Studio could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
