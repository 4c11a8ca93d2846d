import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const MAIN_ENTRY = path.resolve('out/main/index.js');

/**
 * Where the Electron binary is, or why it is missing. Found the way `require('electron')` finds it, without
 * requiring it: Electron's index.js starts a download when the binary is missing.
 */
function findElectron(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile))
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent)' };
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { missing: `the Electron binary is not at ${binary}` };
}

const found = findElectron();
const skipReason =
  'missing' in found
    ? `Electron app spec skipped: ${found.missing}. Install it with network access (npx install-electron) to run it; host.spec.ts covers the same UI in Chromium.`
    : null;
if (skipReason) console.log(skipReason);

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication | undefined;
  let dataDir: string;

  test.beforeEach(async () => {
    if ('missing' in found) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env))
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
    app = await electron.launch({
      executablePath: found.path,
      args: [MAIN_ENTRY],
      env: { ...env, FLIPSIDE_DATA: dataDir },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the library from app://studio with the production security settings', async () => {
    const window = await app!.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: /library/i })).toBeVisible();
    expect(new URL(window.url()).protocol).toBe('app:');

    const globals = await window.evaluate(() => ({
      bridgeKeys: Object.keys((Reflect.get(globalThis, 'studioBridge') as object | undefined) ?? {}).sort(),
      hasRequire: 'require' in globalThis,
      hasProcess: 'process' in globalThis,
    }));
    expect(globals).toEqual({ bridgeKeys: ['invoke', 'subscribe'], hasRequire: false, hasProcess: false });
  });

  test('the bridge reaches main for contract calls only', async () => {
    const window = await app!.firstWindow();
    const answers = await window.evaluate(async () => {
      const bridge = Reflect.get(globalThis, 'studioBridge') as {
        invoke(channel: string, input: unknown): Promise<unknown>;
      };
      return {
        info: await bridge.invoke('app:app.info', {}),
        unknown: await bridge.invoke('app:shell.exec', { command: 'ls' }),
      };
    });
    expect(answers.info).toMatchObject({ ok: true, value: { host: 'electron', dataDir: path.resolve(dataDir) } });
    expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });
});
