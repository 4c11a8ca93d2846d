import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { serveStatic, type StaticServer } from './support/staticServer';
import { HARDWARE_BITRATE_STEPS, SSIM_TOLERANCE } from '../src/shared/render/encoderQuality';
import type { encoderTrialPage } from './support/encoderTrialPage';
import type { EncoderTrial } from '../src/renderer/src/features/render/worker/encoderTrial';

// The hardware encoder's trial (issue 18.5), run in Chromium's WebCodecs. This machine has no hardware H.264
// encoder, so a software encoder configured to do worse stands in for the candidate; the meter, the bitrate steps and
// the verdict are the ones a render runs. Debian's Chromium refusing `prefer-hardware` is the real thing, tested too.

const SIZE = { width: 640, height: 360, bitrate: 1_000_000 };
const SOFTWARE: VideoEncoderConfig = {
  codec: 'avc1.64001f',
  width: SIZE.width,
  height: SIZE.height,
  bitrate: SIZE.bitrate,
  framerate: 30,
  latencyMode: 'quality',
  avc: { format: 'avc' },
  hardwareAcceleration: 'prefer-software',
};

type TrialPage = typeof encoderTrialPage;

let server: StaticServer;
let dir: string;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-encoder-trial-'));
  const bundled = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@shared': path.join(__dirname, '../src/shared') } },
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(__dirname, 'support/encoderTrialPage.ts'), formats: ['es'], fileName: 'page' },
    },
  });
  const outputs = (Array.isArray(bundled) ? bundled : [bundled]).flatMap((result) =>
    'output' in result ? result.output : [],
  );
  // One module with everything in it: the page loads page.js alone.
  const chunks = outputs.filter((output) => output.type === 'chunk');
  const chunk = chunks[0];
  if (chunks.length !== 1 || !chunk?.isEntry)
    throw new Error(`Vite wrote ${chunks.length} chunks, not one page bundle`);
  fs.writeFileSync(path.join(dir, 'page.js'), chunk.code);
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/page.js"></script>');
  server = await serveStatic({ '': dir });
});

test.afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens the page the spec's bundle runs in, once its calls are there. */
async function openTrialPage(page: Page): Promise<void> {
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => 'encoderTrialPage' in globalThis);
}

/** Runs a trial on 15 frames of a slide, the candidate being the software encoder at `share` of each bitrate tried. */
async function trialOf(page: Page, share: number | 'prefer-hardware'): Promise<EncoderTrial> {
  await openTrialPage(page);
  return page.evaluate(
    ({ size, software, share }) => {
      const trial = (globalThis as unknown as { encoderTrialPage: TrialPage }).encoderTrialPage;
      return trial.onSlide(size.width, size.height, (frames) =>
        trial.trialEncoder(frames, size, software, (bitrate) =>
          share === 'prefer-hardware'
            ? { ...software, bitrate, hardwareAcceleration: 'prefer-hardware' }
            : { ...software, bitrate: Math.round(bitrate * share) },
        ),
      );
    },
    { size: SIZE, software: SOFTWARE, share },
  );
}

test('the quality meter scores a starved encode well below a well-fed one, and the well-fed one close to the source', async ({
  page,
}) => {
  await openTrialPage(page);
  const [fed, starved] = await page.evaluate(
    ({ size, software }) => {
      const trial = (globalThis as unknown as { encoderTrialPage: TrialPage }).encoderTrialPage;
      return trial.onSlide(size.width, size.height, async (frames) => {
        const qualityOf = trial.createQualityMeter(frames, size.width, size.height);
        return [
          await qualityOf({ ...software, bitrate: 3_000_000 }),
          await qualityOf({ ...software, bitrate: 60_000 }),
        ];
      });
    },
    { size: SIZE, software: SOFTWARE },
  );
  expect(fed).toBeGreaterThan(0.95);
  expect(fed).toBeLessThanOrEqual(1);
  expect(starved).toBeLessThan(fed - 0.02);
});

test('a candidate as good as the software encoder is used at the planned bitrate', async ({ page }) => {
  const trial = await trialOf(page, 1);
  expect(trial.tried.map(({ bitrate }) => bitrate)).toEqual([SIZE.bitrate]);
  expect(trial.match).toEqual(trial.tried[0]);
});

test('a candidate that needs more bits is given the lowest raised bitrate that matches the software encoder', async ({
  page,
}) => {
  const trial = await trialOf(page, 0.7);
  const mark = trial.softwareSsim - SSIM_TOLERANCE;
  // Stepped up from the planned bitrate until one matched, no further.
  expect(trial.tried.length).toBeGreaterThan(1);
  expect(trial.tried.map(({ bitrate }) => bitrate)).toEqual(
    HARDWARE_BITRATE_STEPS.slice(0, trial.tried.length).map((step) => Math.round(SIZE.bitrate * step)),
  );
  expect(trial.match).toEqual(trial.tried.at(-1));
  expect(trial.match?.ssim).toBeGreaterThanOrEqual(mark);
});

test('a candidate whose pictures fall short even at twice the bitrate is ruled out', async ({ page }) => {
  const trial = await trialOf(page, 0.05);
  expect(trial.match).toBeNull();
  expect(trial.tried).toHaveLength(HARDWARE_BITRATE_STEPS.length);
  for (const short of trial.tried) expect(short.ssim).toBeLessThan(trial.softwareSsim - SSIM_TOLERANCE);
});

test('a hardware encoder that will not start fails the trial with its error (this Chromium has none)', async ({
  page,
}) => {
  await expect(trialOf(page, 'prefer-hardware')).rejects.toThrow(/Encoder creation error|not supported/i);
});

/** Encodes 15 frames of a slide through a render's frame encoder for `config`, taken as a hardware encoder. */
async function encodedAsHardware(page: Page, config: VideoEncoderConfig) {
  await openTrialPage(page);
  return page.evaluate(
    ({ size, config }) => {
      const trial = (globalThis as unknown as { encoderTrialPage: TrialPage }).encoderTrialPage;
      return trial.onSlide(size.width, size.height, (frames) => trial.encodeAsHardware(frames, config));
    },
    { size: SIZE, config },
  );
}

test('a hardware encoder that fails in a render fails it as a hardware fault, with the encoder’s own error, so the page can start again in software', async ({
  page,
}) => {
  // The render's own encoder path finishes with an encoder that works...
  expect(await encodedAsHardware(page, SOFTWARE)).toBeNull();
  // ...and with one that fails (here: the hardware encoder this Chromium cannot make), says so as a hardware fault.
  expect(await encodedAsHardware(page, { ...SOFTWARE, hardwareAcceleration: 'prefer-hardware' })).toEqual({
    name: 'HardwareEncoderError',
    message: expect.stringMatching(/^the hardware video encoder failed: .*(Encoder creation error|not supported)/i),
  });
});
