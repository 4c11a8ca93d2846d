import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, THIRD_PARTY_COOKIES_BLOCKED } from './e2e/chromium';

/** The specs with an LMS that frames the class server from another site. */
const LMS_SPECS = /\/lti[\w-]*\.spec\.ts$/;

/**
 * The specs that record from the fake devices or watch a moment of playback: they measure real time, which a second
 * test on a two-core machine stretches (camera frames dropped at Stop, a 0.8 s callout missed by the poll), so they run
 * one at a time with the machine to themselves (`scripts/e2e.mjs` runs this project first, then the others).
 */
const REALTIME_SPECS =
  /\/(recorder|recorder-faults|recording-tail|recovery|switch-take|teacher-path|preview-overlay)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two spec files at a time on CI's two cores, except the real-time ones (below).
  workers: 2,
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
    // Each its own output folder: the second run of scripts/e2e.mjs empties only its own projects' folders.
    // A real-time spec that fails is run once more: a noisy neighbour on a shared CI machine can starve the fake
    // devices for a moment. One that passes only then is named at the end of the run (scripts/e2e.mjs).
    { name: 'realtime', testMatch: REALTIME_SPECS, workers: 1, retries: 1, outputDir: 'test-results/realtime' },
    { name: 'studio', testIgnore: [LMS_SPECS, REALTIME_SPECS], outputDir: 'test-results/studio' },
    // An LMS spec that fails runs once more too. Playwright can hang past an expect's timeout on a locator inside
    // the cross-site tool frame while it moves through the launch's redirects (seen on a busy machine: the deep-linking
    // list was on screen, the expect waited 150 s until the test's timeout). Retry-only passes are named at the end.
    {
      name: 'lms',
      retries: 1,
      testMatch: LMS_SPECS,
      outputDir: 'test-results/lms',
      use: { launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, THIRD_PARTY_COOKIES_BLOCKED] } },
    },
  ],
});
