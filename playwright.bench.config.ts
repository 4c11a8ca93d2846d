import { defineConfig } from '@playwright/test';
import { FAKE_MEDIA_LAUNCH } from './e2e/chromium';

/**
 * Benchmarks: `npx playwright test -c playwright.bench.config.ts`; `npm test` never runs them. Chromium gets the
 * fake camera, microphone and tab capture, which the recording bench needs and the editor bench does not mind.
 */
export default defineConfig({
  testDir: 'e2e/bench',
  testMatch: '*.bench.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: FAKE_MEDIA_LAUNCH,
  },
});
