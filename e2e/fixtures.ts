import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startHost, type RunningHost } from './host';

export interface HostFixture {
  /** The address with this launch's token; changes on restart. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** The host's process: the library's owner while it runs. */
  readonly pid: number;
  /** Stops the host, letting its library go, as a teacher quitting the app would. */
  stop(): Promise<void>;
  /** Stops the host and starts a new one on the same data folder (new port, new token). */
  restart(): Promise<void>;
  /** Kills the host with SIGKILL, as a crash would, then starts a new one on the same data folder. */
  crashAndRestart(): Promise<void>;
}

export const test = base.extend<{ host: HostFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-e2e-'));
    let running: RunningHost = await startHost(dataDir);
    const fixture: HostFixture = {
      get url() {
        return running.url;
      },
      get origin() {
        return running.origin;
      },
      get token() {
        return running.token;
      },
      dataDir,
      get pid() {
        return running.pid;
      },
      stop: () => running.stop(),
      async restart() {
        await running.stop();
        running = await startHost(dataDir);
      },
      async crashAndRestart() {
        await running.kill();
        running = await startHost(dataDir);
      },
    };
    await use(fixture);
    await running.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
