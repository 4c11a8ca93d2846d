import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { StudioError } from '@shared/contract/result';
import { speechAudioArgs, transcodeArgs, type StreamAction } from './transcodeArgs';
import { parseProgressLine, percentOf } from './transcodeProgress';
import { transcodeWorkerMain, type TranscodeWorkerData, type TranscodeWorkerMessage } from './transcodeWorker';

export interface TranscodeProgress {
  percent: number;
  /** Multiple of real time, once ffmpeg has measured it. */
  speed: number | null;
}

export interface TranscodeOptions {
  video: StreamAction;
  audio: StreamAction;
  durationMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: TranscodeProgress) => void;
}

/** Progress goes out at most this often (house style: ~10 a second), however chatty ffmpeg's log is. */
const PROGRESS_EVERY_MS = 100;
/** Log lines kept to explain a failure: ffmpeg names the cause in its last few. */
const TAIL_LINES = 8;

export const CONVERSION_CANCELLED = 'The conversion was cancelled';

/**
 * Converts `source` into the MP4 `target` with ffmpeg.wasm in a Worker, streaming both files from disk. Resolves
 * once `target` is complete; on failure or abort the Worker is stopped and `target` removed, so nothing half-made
 * stays behind.
 */
export async function transcodeToMp4(source: string, target: string, options: TranscodeOptions): Promise<void> {
  await runFfmpeg(source, target, transcodeArgs(options), options);
}

/**
 * The sound of `source` as 16 kHz mono 16-bit WAV in `target`, what speech recognisers take; same Worker, same
 * progress and cancel, and `target` removed on failure.
 */
export async function extractSpeechAudio(
  source: string,
  target: string,
  options: Omit<TranscodeOptions, 'video' | 'audio'>,
): Promise<void> {
  await runFfmpeg(source, target, speechAudioArgs(), options);
}

/** A small file main makes for ffmpeg (a subtitle track): at `/<name>` inside the Worker, held in its memory. */
export interface MemoryFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Runs ffmpeg.wasm with `args` on `/input` (`source`) and `/output.mp4` (`target`), plus any `memoryFiles`; the
 * converter behind every function here, with the same progress, cancel and cleanup.
 */
export async function runFfmpeg(
  source: string,
  target: string,
  args: string[],
  options: Omit<TranscodeOptions, 'video' | 'audio'> & { memoryFiles?: readonly MemoryFile[] },
): Promise<void> {
  options.signal?.throwIfAborted();
  const corePath = createRequire(__filename).resolve('@ffmpeg/core');
  const inputFd = fs.openSync(source, 'r');
  let outputFd: number | null = null;
  let worker: Worker | null = null;
  try {
    outputFd = fs.openSync(target, 'w+');
    const workerData: TranscodeWorkerData = {
      corePath,
      wasmPath: path.join(path.dirname(corePath), 'ffmpeg-core.wasm'),
      inputFd,
      outputFd,
      memoryFiles: (options.memoryFiles ?? []).map((file) => ({
        path: `/${file.name}`,
        data: new TextEncoder().encode(file.text),
      })),
      args,
    };
    const started = new Worker(`(${transcodeWorkerMain.toString()})()`, { eval: true, workerData, name: 'transcode' });
    worker = started;
    await watch(started, options);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    // Stopped before the descriptors close, so the Worker can never write into a file that is being removed.
    if (worker) await worker.terminate();
    fs.closeSync(inputFd);
    if (outputFd !== null) fs.closeSync(outputFd);
  }
}

/** Follows the Worker's log into progress, and settles when ffmpeg exits, fails, or the job is aborted. */
function watch(worker: Worker, options: Omit<TranscodeOptions, 'video' | 'audio'>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const tail: string[] = [];
    let lastSent = 0;
    let speed: number | null = null;
    const onAbort = () => finish(new StudioError('conflict', CONVERSION_CANCELLED));
    const finish = (error?: Error) => {
      options.signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      worker.on('error', () => undefined); // the job is settled; the Worker is being terminated
      if (error) reject(error);
      else resolve();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: TranscodeWorkerMessage) => {
      if (message.type === 'log') {
        tail.push(message.line);
        if (tail.length > TAIL_LINES) tail.shift();
        const reading = parseProgressLine(message.line);
        if (reading.speed !== undefined) speed = reading.speed;
        const now = Date.now();
        if (reading.outMs !== undefined && now - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = now;
          options.onProgress?.({ percent: percentOf(reading.outMs, options.durationMs), speed });
        }
      } else if (message.type === 'done') {
        if (message.exitCode === 0) {
          options.onProgress?.({ percent: 100, speed });
          finish();
        } else {
          finish(new StudioError('invalid_input', `Converting it failed: ${causeOf(tail)}`));
        }
      } else {
        finish(new StudioError('internal', `The converter could not start: ${message.message}`));
      }
    });
    worker.on('error', (error) => finish(new StudioError('internal', `The converter stopped: ${error.message}`)));
    worker.on('exit', (code) =>
      finish(new StudioError('internal', `The converter stopped unexpectedly (exit ${code})`)),
    );
  });
}

/** The last log line that reads like an error, else the last line: ffmpeg names the cause just before it gives up. */
function causeOf(tail: string[]): string {
  // ffmpeg prefixes errors with the file's name inside the worker ("/input: …"), which means nothing to a teacher.
  const lines = tail
    .map((line) => line.trim().replace(/^\/(input|output\.mp4): /, ''))
    .filter((line) => line && !line.startsWith('Aborted(') && !/^[a-z_0-9]+=/.test(line));
  return (
    lines.findLast((line) => /error|invalid|not supported|unsupported|could not|cannot|failed/i.test(line)) ??
    lines.at(-1) ??
    'ffmpeg gave no reason'
  );
}
