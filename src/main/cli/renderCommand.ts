import path from 'node:path';
import { encoderSummary, type EncoderFacts } from '@shared/render/encoderQuality';
import { StudioError } from '@shared/contract/result';
import type { Render } from '@shared/media/renders';
import { renditionSchema } from '@shared/media/renders';
import { srclangSchema } from '@shared/captions/schemas';
import { formatSpeed, formatTimeLeft, type RenderProgress } from '@shared/render/progress';
import { startBrowserHost } from '../host/server';
import type { Studio } from '../studio';
import { launchChromium } from './renderBrowser';
import { checkDestination, deliver } from './deliver';
import { renderCaptions } from '../files/renderCaptions';
import { writeCaptionedMp4 } from '../files/captionedMp4';
import { Interrupted, type CommandIo } from './io';

/** Must match the renderer's RenderJobPage, which the CLI drives. */
const JOB_LINE_PREFIX = 'flipside-render ';
const STDERR_INTERVAL_MS = 1000;

export interface RenderOptions {
  readonly lessonId: string;
  /** Where to copy the render; null keeps it in the library only (publish renders first that way). */
  readonly out: string | null;
  readonly height: string;
  readonly force: boolean;
  /** The copy at --out carries the lesson's captions as subtitle tracks, as the app's Save as… does by default. */
  readonly captions: boolean;
  /** The language of the captions to draw into the picture, or null. */
  readonly burnCaptions: string | null;
}

type JobEvent =
  | { type: 'planned'; label: string; durationMs: number; fastPath: { applies: boolean; reason?: string } }
  | ({ type: 'progress' } & RenderProgress)
  | {
      type: 'done';
      render: Render;
      outcome: {
        method: string;
        note: string | null;
        reencodedFrames?: number;
        encoders?: number;
        encoder?: EncoderFacts;
        sound?: string | null;
      };
      elapsedMs: number;
    }
  | { type: 'error'; message: string };

/**
 * `flipside render`: the same render code the app runs, in headless Chromium against an in-process browser host
 * on this library, so the result is exactly what the lesson screen would make. The render stays in the library
 * and is copied to --out (never over an existing file unless --force). Ctrl+C stops it; the studio's closing then
 * removes the half-written render.
 */
export async function renderLesson(studio: Studio, options: RenderOptions, io: CommandIo): Promise<void> {
  const height = renditionSchema.safeParse(options.height === 'audio' ? 0 : Number(options.height));
  if (!height.success)
    throw new StudioError('invalid_input', `--height must be 1080, 720, 480, 360 or audio, not “${options.height}”`);
  const burn = options.burnCaptions === null ? null : srclangSchema.safeParse(options.burnCaptions);
  if (burn && !burn.success)
    throw new StudioError(
      'invalid_input',
      `--burn-captions takes a language code such as en, fr or pt-BR, not “${options.burnCaptions ?? ''}”`,
    );
  if (burn && height.data === 0)
    throw new StudioError('invalid_input', '--burn-captions needs a picture; an audio-only render has none');
  const out = options.out === null ? null : path.resolve(options.out);
  if (out) checkDestination(out, 'file', options.force);

  const host = await startBrowserHost({ studio, rendererDir: path.join(__dirname, '../renderer'), port: 0 });
  const browser = await launchChromium(io.env).catch(async (error: unknown) => {
    await host.close();
    throw error;
  });
  try {
    const page = await browser.newPage();
    const finished = new Promise<Extract<JobEvent, { type: 'done' }>>((resolve, reject) => {
      io.signal?.addEventListener('abort', () => reject(new Interrupted()), { once: true });
      let lastPrinted = 0;
      let label = '';
      page.on('pageerror', (error) => reject(new Error(`the render page failed: ${error.message}`)));
      page.on('crash', () => reject(new Error('the render page crashed')));
      page.on('console', (message) => {
        const text = message.text();
        if (!text.startsWith(JOB_LINE_PREFIX)) return;
        const event = JSON.parse(text.slice(JOB_LINE_PREFIX.length)) as JobEvent;
        if (event.type === 'planned') {
          label = event.label;
          io.stderr(
            `rendering ${label} (${(event.durationMs / 1000).toFixed(1)} s)${event.fastPath.applies ? '' : `: re-encoding, ${event.fastPath.reason ?? ''}`}`,
          );
        } else if (event.type === 'progress' && Date.now() - lastPrinted >= STDERR_INTERVAL_MS) {
          lastPrinted = Date.now();
          io.stderr(
            `${label} ${Math.floor(event.percent)}% · ${formatSpeed(event.speed)} · ${formatTimeLeft(event.etaMs)}`,
          );
        } else if (event.type === 'done') resolve(event);
        else if (event.type === 'error') reject(new Error(event.message));
      });
    });
    const query = new URLSearchParams({ height: String(height.data), ...(burn ? { burn: burn.data } : {}) });
    await page.goto(`${host.url}#/render-job/${encodeURIComponent(options.lessonId)}?${query.toString()}`);
    const { render, outcome, elapsedMs } = await finished;
    if (out) await copyOut(studio, render, out, options, io);
    const speed = render.durationMs / Math.max(elapsedMs, 1);
    io.stderr(
      `done in ${(elapsedMs / 1000).toFixed(1)} s (${formatSpeed(speed)}, ${videoMade(outcome)}, ${render.audioCodec ?? 'no'} audio${outcome.sound ? ` ${outcome.sound}` : ''})`,
    );
    if (out) io.stdout(out);
  } finally {
    await browser.close().catch(() => undefined);
    await host.close();
  }
}

/**
 * The render at `out`: a plain copy, or with `captions` (the default) the lesson's captions added as subtitle tracks,
 * made now from the captions as they are (the render was just made, so they line up).
 */
export async function copyOut(
  studio: Pick<Studio, 'db' | 'mediaRoot' | 'jobs'>,
  render: Render,
  out: string,
  options: Pick<RenderOptions, 'force' | 'captions'>,
  io: CommandIo,
): Promise<void> {
  const made = path.join(studio.mediaRoot, ...render.path.split('/'));
  const { tracks, unavailable } = options.captions
    ? renderCaptions(studio.db, render.id)
    : { tracks: [], unavailable: null };
  if (unavailable !== null) io.stderr(`captions left out: ${unavailable}`);
  if (tracks.length > 0) io.stderr(`adding captions: ${tracks.map((track) => track.label).join(', ')}`);
  await deliver(made, out, {
    kind: 'file',
    force: options.force,
    keepSource: true,
    jobs: studio.jobs,
    ...(tracks.length > 0
      ? {
          make: (source: string, temp: string, signal: AbortSignal) =>
            writeCaptionedMp4(source, temp, tracks, { durationMs: render.durationMs, signal }),
        }
      : {}),
  });
}

function videoMade(outcome: {
  method: string;
  reencodedFrames?: number;
  encoders?: number;
  encoder?: EncoderFacts;
}): string {
  if (outcome.method === 'copy') return 'video copied';
  if (outcome.method === 'smart') return `video copied, ${outcome.reencodedFrames ?? 0} frames re-encoded at cuts`;
  if (outcome.method === 'encode' && outcome.encoder)
    return `video encoded by ${encoderSummary(outcome.encoder, outcome.encoders ?? 1)}`;
  return outcome.method === 'audio' ? 'audio only' : 'video encoded';
}
