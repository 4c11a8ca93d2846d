/** The server bundle's entry (out/main/server.js): what `flipside serve` loads. */
import type { ServeEntry } from '@shared/classServer/serveEntry';
import { runServeCli } from './cli';

export const entry: ServeEntry = { runServeCli };
