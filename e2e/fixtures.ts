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

/** How Chromium reports a blocked load or connection ("… violates the following Content Security Policy …"). */
const CSP_VIOLATION = /violates the following Content Security Policy directive/;

export const test = base.extend<{ host: HostFixture; cspViolations: string[] }>({
  /**
   * Parity with Electron: the host sends the app's own CSP and serves media as the app does, so anything the page
   * loads against the policy (another scheme, another origin) is something the app would block. Every test fails
   * on such a report from the page. (Chromium does not pass a worker's reports on to Playwright; a worker's blocked
   * fetch fails the render or filmstrip test that waits for its result instead.)
   */
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on('console', (message) => {
        if (CSP_VIOLATION.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content Security Policy violations (Electron would block these too)').toEqual([]);
    },
    { auto: true },
  ],
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
