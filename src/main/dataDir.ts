import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Flipside Studio';

/**
 * Where the library lives. `FLIPSIDE_DATA` wins over everything (so a test or a script can point the app, the
 * browser host and the CLI at one folder), then an explicit `--data`, then the host's default.
 */
export function resolveDataDir(options: {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  fallback: () => string;
}): string {
  const chosen = options.env.FLIPSIDE_DATA || options.flag || options.fallback();
  return path.resolve(chosen);
}

/** The same folder Electron's `app.getPath('userData')` gives, so the app and the browser host share one library. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

export function mediaRootOf(dataDir: string): string {
  return path.join(dataDir, 'media');
}
