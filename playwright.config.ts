import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, THIRD_PARTY_COOKIES_BLOCKED } from './e2e/chromium';

/** The specs with an LMS that frames the class server from another site. */
const LMS_SPECS = /\/lti[\w-]*\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The LMS specs' people (admin, instructors, learners) are contexts of the runner's own browser, so a step stalled
  // in one of their pages is named when the test times out and their pages are closed with the test.
  projects: [
    { name: 'studio', testIgnore: LMS_SPECS },
    {
      name: 'lms',
      testMatch: LMS_SPECS,
      use: { launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, THIRD_PARTY_COOKIES_BLOCKED] } },
    },
  ],
});
