import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { RendersPanel } from './pages/RendersPanel';
import { decodeInPage } from './support/decodeInPage';
import { filesUnder, ffprobe } from './support/media';
import { rpc, seedLesson } from './support/rpc';
import {
  beepOnsets,
  flashTimes,
  makeCameraClip,
  makeSyncClip,
  onlyRender,
  packetCount,
  setCuts,
  topLevelBoxes,
} from './renderMedia';
import { addTake } from './support/editorLesson';
import type { Render } from '../src/shared/media/renders';

const FRAME_S = 1 / 30;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-'));
const clip = (name: string, make: (file: string) => void) => {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) make(file);
  return file;
};
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A cut on frame boundaries, given as frame numbers at 30 fps (the edit list keeps whole milliseconds). */
const frames = (start: number, end: number) => ({
  start: Math.round((start * 1000) / 30),
  end: Math.round((end * 1000) / 30),
});

/** The codec an encoded render's sound gets here: AAC where the browser has an encoder for it, else Opus. */
async function encodedSound(page: Page): Promise<'aac' | 'opus'> {
  const aac = await page.evaluate(
    async () =>
      (
        await AudioEncoder.isConfigSupported({
          codec: 'mp4a.40.2',
          sampleRate: 48_000,
          numberOfChannels: 1,
          bitrate: 128_000,
        })
      ).supported === true,
  );
  return aac ? 'aac' : 'opus';
}

/**
 * A lesson of the 10 s sync clip (and a camera when given) with these cuts, its 360p render started from the lesson
 * screen as a teacher would; answers the finished job's status and the lesson's length.
 */
async function renderCut(
  page: Page,
  host: HostFixture,
  title: string,
  files: { screen: string; camera?: string },
  cuts: { start: number; end: number }[],
) {
  const { lessonId } = await seedLesson(host, 'Physics', title);
  await addTake(host, lessonId, files);
  await setCuts(host, lessonId, cuts);
  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const panel = new RendersPanel(page);
  await panel.render(['360p']);
  const status = await panel.waitDone('360p');
  return {
    lessonId,
    panel,
    status,
    lessonS: (10_000 - cuts.reduce((sum, cut) => sum + cut.end - cut.start, 0)) / 1000,
  };
}

test('renders screen, camera bubble and cuts to a fast-start MP4 that keeps sound and picture in sync', async ({
  page,
  host,
}) => {
  // Cuts starting and ending at odd frames, neither on a keyframe nor on a flash.
  const cuts = [frames(17, 51), frames(141, 173)];
  const files = {
    screen: clip('sync.mp4', (f) => makeSyncClip(f)),
    camera: clip('camera.mp4', (f) => makeCameraClip(f)),
  };
  const { lessonId, panel, status, lessonS } = await renderCut(page, host, 'Sync', files, cuts);
  // A full render is the usual case: its status says only how long it took (a copy says so in words).
  expect(status).toMatch(/Done in \d+ s$/);

  const { render, file } = await onlyRender(host, lessonId);
  const sound = await encodedSound(page);
  expect(render).toMatchObject({ width: 640, height: 360, videoCodec: 'avc', audioCodec: sound });
  await expect(panel.list.getByRole('listitem')).toContainText(['640×360']);
  const probe = ffprobe(file);
  expect(probe.streams.map((stream) => `${stream.codec_type}:${stream.codec_name}`).sort()).toEqual([
    `audio:${sound}`,
    'video:h264',
  ]);
  expect(Math.abs(probe.durationS - lessonS)).toBeLessThanOrEqual(FRAME_S * cuts.length + 0.001);
  const boxes = topLevelBoxes(file);
  expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
  expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

  // Seconds 1 and 5 fall in the cuts; the other eight flashes and beeps must survive, each pair within 40 ms.
  const flashes = flashTimes(file);
  const beeps = beepOnsets(file);
  expect(flashes).toHaveLength(8);
  expect(beeps).toHaveLength(8);
  flashes.forEach((flash, index) =>
    expect(Math.abs(flash - beeps[index]!), `flash ${flash} vs beep ${beeps[index]}`).toBeLessThanOrEqual(0.04),
  );

  // Save as… in the browser host downloads the render under a name the teacher recognises, byte for byte.
  const download = page.waitForEvent('download');
  await panel.list.getByRole('button', { name: 'Save as… (360p render)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Sync (360p).mp4');
  const copy = path.join(dir, 'saved-render.mp4');
  await saved.saveAs(copy);
  expect(fs.readFileSync(copy).equals(fs.readFileSync(file))).toBe(true);
  // Only the desktop app has a file manager to show it in.
  await expect(panel.list.getByRole('button', { name: /^Show in folder/ })).toHaveCount(0);
});

test('copies the packets of a cut-only H.264 take, frame-accurate at the cut', async ({ page, host }) => {
  // Removes frames 45–89: what plays next is frame 90, a keyframe and a flash.
  const { lessonId, status } = await renderCut(
    page,
    host,
    'Fast',
    { screen: clip('sync.mp4', (f) => makeSyncClip(f)) },
    [frames(45, 90)],
  );
  expect(status).toContain('copied without re-encoding');

  const { render, file } = await onlyRender(host, lessonId);
  // The sound is copied too, cut at the nearest AAC packet, so nothing is decoded at all.
  expect(render).toMatchObject({ videoCodec: 'avc', audioCodec: 'aac' });
  expect(packetCount(file)).toBe(300 - 45);
  const flashFrames = flashTimes(file).map((time) => Math.round(time / FRAME_S));
  expect(flashFrames).toEqual([0, 30, 45, 75, 105, 135, 165, 195, 225]);
  const beeps = beepOnsets(file);
  flashFrames.forEach((frame, index) => expect(Math.abs(frame * FRAME_S - beeps[index]!)).toBeLessThanOrEqual(0.04));
});

test('smart-cuts a cut-only H.264 take whose cuts fall mid-GOP: copies packets, re-encodes only up to each keyframe', async ({
  page,
  host,
}) => {
  // Both cuts end mid-GOP (keyframes every 30 frames), so frames 51–59 and 173–179 are re-encoded, the rest copied.
  const cuts = [frames(17, 51), frames(141, 173)];
  const { lessonId, status, lessonS } = await renderCut(
    page,
    host,
    'Smart',
    { screen: clip('sync.mp4', (f) => makeSyncClip(f)) },
    cuts,
  );
  expect(status).toContain('copied, 16 frames re-encoded at cuts');

  const { file } = await onlyRender(host, lessonId);
  expect(packetCount(file)).toBe(300 - (51 - 17) - (173 - 141));
  expect(Math.abs(ffprobe(file).durationS - lessonS)).toBeLessThanOrEqual(FRAME_S * cuts.length + 0.001);
  const boxes = topLevelBoxes(file);
  expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
  expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
  // ffmpeg's decoder says nothing at all about the switches between recorded and re-encoded parameter sets.
  expect(spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' }).stderr).toBe('');

  // The flash at each kept whole second lands where the cuts before it move it to, each within 40 ms of its beep.
  const expected = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    .map((second) => second * 1000)
    .filter((ms) => !cuts.some((cut) => ms >= cut.start && ms < cut.end))
    .map((ms) =>
      Math.round(
        (ms - cuts.filter((cut) => cut.end <= ms).reduce((sum, cut) => sum + cut.end - cut.start, 0)) /
          (1000 * FRAME_S),
      ),
    );
  expect(expected).toEqual([0, 26, 56, 86, 114, 144, 174, 204]);
  const flashFrames = flashTimes(file).map((time) => Math.round(time / FRAME_S));
  expect(flashFrames).toEqual(expected);
  const beeps = beepOnsets(file);
  expect(beeps).toHaveLength(expected.length);
  flashFrames.forEach((frame, index) =>
    expect(
      Math.abs(frame * FRAME_S - beeps[index]!),
      `flash at frame ${frame} vs beep ${beeps[index]}`,
    ).toBeLessThanOrEqual(0.04),
  );

  // And Chromium's own decoder, through WebCodecs, decodes every frame of it.
  const decoded = await decodeInPage(page, file);
  expect(decoded).toMatchObject({ frames: 300 - (51 - 17) - (173 - 141), error: null });
  // One avc1 sample entry holding both parameter sets, the kind every player reads (no in-band switches, no avc3).
  expect(decoded.codec).toMatch(/^avc1\./);
  expect(
    spawnSync(
      'ffprobe',
      ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=codec_tag_string', '-of', 'csv=p=0', file],
      { encoding: 'utf8' },
    ).stdout.trim(),
  ).toBe('avc1');
});

test('cancelling a running render leaves no file, and the next render succeeds', async ({ page, host }) => {
  const { lessonId } = await seedLesson(host, 'Physics', 'Cancel');
  // The camera bubble makes it a full encode, slow enough to cancel (a cut-only take would be copied in a moment).
  await addTake(host, lessonId, {
    screen: clip('long.mp4', (f) => makeSyncClip(f, 60)),
    camera: clip('long-camera.mp4', (f) => makeCameraClip(f, 60)),
  });
  await setCuts(host, lessonId, [frames(15, 61)]);

  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const panel = new RendersPanel(page);
  await panel.render(['360p']);
  const job = panel.job('360p');
  await expect(job.getByTestId('render-progress')).toContainText('%');
  await job.getByRole('button', { name: 'Cancel the 360p render' }).click();
  await expect(job).toHaveAttribute('data-state', 'cancelled');
  await expect
    .poll(() =>
      filesUnder(path.join(host.dataDir, 'media')).filter((file) => file.includes(`${path.sep}renders${path.sep}`)),
    )
    .toEqual([]);
  expect(await rpc<Render[]>(host, 'app:renders.list', { lessonId })).toEqual([]);

  await job.getByRole('button', { name: /Dismiss/ }).click();
  await panel.render(['Audio only']);
  await panel.waitDone('Audio only');
  const { render, file } = await onlyRender(host, lessonId);
  expect(render).toMatchObject({ label: 'Audio only', videoCodec: null, audioCodec: await encodedSound(page) });
  expect(ffprobe(file).streams.map((stream) => stream.codec_type)).toEqual(['audio']);
});

test('flipside render drives the same render headless and copies the file out', () => {
  const BIN = path.resolve(__dirname, '..', 'bin', 'flipside.cjs');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-cli-'));
  const env = { ...process.env };
  delete env.FLIPSIDE_DATA;
  const flipside = (...args: string[]) =>
    execFileSync(process.execPath, [BIN, ...args, '--data', dataDir], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  try {
    const projectId = flipside('projects', 'create', '--title', 'CLI');
    const lessonId = flipside('lessons', 'add', '--project', projectId, '--title', 'Rendered');
    flipside(
      'import',
      '--lesson',
      lessonId,
      clip('sync.mp4', (f) => makeSyncClip(f)),
    );
    const out = path.join(dir, 'cli.mp4');
    expect(flipside('render', '--lesson', lessonId, '--out', out, '--height', '360')).toBe(out);
    const probe = ffprobe(out);
    // Uncut and at the recording's size: video and sound are both copied, so the AAC stays AAC.
    expect(probe.streams.map((stream) => stream.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Math.abs(probe.durationS - 10)).toBeLessThan(0.05);

    // Made smaller, so encoded: the hardware encoder is asked for first, and this Chromium has none (it answers
    // prefer-hardware with "unsupported"), so the software encoder makes it, and the render's facts say so.
    const largeId = flipside('lessons', 'add', '--project', projectId, '--title', 'Scaled');
    flipside(
      'import',
      '--lesson',
      largeId,
      clip('sync-720p.mp4', (f) => makeSyncClip(f, 3, '1280x720')),
    );
    const scaledOut = path.join(dir, 'cli-scaled.mp4');
    const scaled = spawnSync(
      process.execPath,
      [BIN, 'render', '--lesson', largeId, '--out', scaledOut, '--height', '360', '--data', dataDir],
      { env, encoding: 'utf8' },
    );
    expect(scaled.status).toBe(0);
    expect(scaled.stderr).toMatch(
      /video encoded by the software encoder( \(2 side by side\))? at \d+\.\d Mbit\/s; this computer has no hardware H\.264 encoder for this size/,
    );
    expect(ffprobe(scaledOut).streams.find((stream) => stream.codec_type === 'video')?.height).toBe(360);

    const failed = spawnSync(
      process.execPath,
      [BIN, 'render', '--lesson', lessonId, '--out', out, '--height', '999', '--data', dataDir],
      { env, encoding: 'utf8' },
    );
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      'flipside: --height must be 1080, 720, 480, 360 or audio, not “999”',
    ]);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
