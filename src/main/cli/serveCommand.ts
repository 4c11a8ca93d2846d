import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServeEntry } from '@shared/classServer/serveEntry';
import { outDir } from '../publish/schemas';
import type { CliIo } from './runCli';

/**
 * `flipside serve …` runs the class server (src/server), built beside the CLI as out/main/server.js. It is loaded
 * only for this command, so the studio's CLI never opens a library for it and main never imports the server.
 */
export async function serveCommand(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const out = outDir();
  const bundle = out ? path.join(out, 'main', 'server.js') : null;
  if (!bundle || !fs.existsSync(bundle)) {
    io.stderr('flipside serve: the class server is not built yet; run `npm run build` first');
    return 1;
  }
  const loaded = (await import(pathToFileURL(bundle).href)) as { entry?: ServeEntry; default?: { entry?: ServeEntry } };
  const entry = loaded.entry ?? loaded.default?.entry;
  if (!entry) {
    io.stderr(`flipside serve: ${bundle} is not the class server bundle; rebuild with npm run build`);
    return 1;
  }
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  return entry.runServeCli(argv, { ...io, stopSignal }, version);
}
