import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserType } from 'playwright-core';
import { HEADLESS_CHROMIUM_ARGS } from '@shared/render/headlessChromium';

/** Where Chromium or Chrome usually lives; CHROMIUM_PATH wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Chromium's flags for a render. The sandbox stays on: the page it renders is our own, but Chromium also decodes
 * the teacher's media, and a crafted file should meet the sandbox as it would in any browser. It goes off only
 * where it cannot work: when told so (FLIPSIDE_CHROMIUM_NO_SANDBOX=1, or CI, whose containers usually lack the user
 * namespaces it needs), or as root, where Chromium refuses to start with it ("Running as root without
 * --no-sandbox is not supported").
 */
export function chromiumArgs(env: NodeJS.ProcessEnv, isRoot: boolean): string[] {
  const told =
    env.FLIPSIDE_CHROMIUM_NO_SANDBOX === '1' || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false');
  return told || isRoot ? ['--no-sandbox', ...HEADLESS_CHROMIUM_ARGS] : [...HEADLESS_CHROMIUM_ARGS];
}

export function findChromium(env: NodeJS.ProcessEnv): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!found)
    throw new Error('rendering needs Chromium or Google Chrome; install one or set CHROMIUM_PATH to its executable');
  return found;
}

/**
 * Launches headless Chromium through playwright-core, loaded at run time so the CLI's bundle does not carry it and
 * the other commands start without it.
 */
export async function launchChromium(env: NodeJS.ProcessEnv): Promise<Browser> {
  const executablePath = findChromium(env);
  let chromium: BrowserType;
  try {
    ({ chromium } = createRequire(__filename)('playwright-core') as { chromium: BrowserType });
  } catch {
    throw new Error('rendering needs the playwright-core package; run npm install in the Flipside Studio folder');
  }
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs(env, process.getuid?.() === 0) });
}
