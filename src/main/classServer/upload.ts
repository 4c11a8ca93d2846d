import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { classServerApi, pathOf, uploadStateSchema, type UploadState } from '@shared/classServer/api';
import { StudioError } from '@shared/contract/result';
import type { ServerLesson } from '@shared/classServer/results';
import { Interrupted } from '../jobs/JobRegistry';
import { ServerRefused, ServerUnreachable, type ClassServerClient } from './client';

export interface UploadOptions {
  readonly signal: AbortSignal;
  /** Bytes the server holds so far, out of the zip's size. */
  readonly onBytes: (sent: number, total: number) => void;
  /** How long to keep trying after the connection drops before giving up (the job then fails, saying so). */
  readonly patienceMs?: number;
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15_000];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function readAt(file: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Uploads a package zip in the server's chunk size, from wherever the server already holds this very package (an
 * upload a closed studio left). When the connection drops the upload waits, asks the server how much it holds and
 * goes on from there, with growing pauses, for `patienceMs`; cancelling stops at once and tells the
 * server to drop what it has.
 */
export async function uploadPackage(
  client: ClassServerClient,
  zip: string,
  info: { sourceId: string; title: string },
  options: UploadOptions,
): Promise<{ lesson: ServerLesson; version: number }> {
  const { signal } = options;
  const wait = options.wait ?? sleep;
  const size = fs.statSync(zip).size;
  const sha256 = await sha256Of(zip);
  signal.throwIfAborted();
  // Not cut short by a cancel: the server may already have made the upload when its answer is dropped, and the
  // studio could then never name it to drop it. The call is short, and the check after it drops what it made.
  let state: UploadState = await client.call(classServerApi.createUpload, {
    body: { sourceId: info.sourceId, title: info.title, sizeBytes: size, sha256 },
  });
  const uploadId = state.uploadId;
  const patience = options.patienceMs ?? 180_000;
  let troubleSince: number | null = null;
  let attempt = 0;
  try {
    signal.throwIfAborted();
    options.onBytes(state.offset, size);
    while (state.offset < size) {
      try {
        const bytes = await readAt(zip, state.offset, Math.min(state.chunkBytes, size - state.offset));
        const response = await client.putChunk(
          `${pathOf(classServerApi.uploadChunk.path, { uploadId })}?offset=${state.offset}`,
          bytes,
          signal,
        );
        if (response.status === 409)
          state = await client.call(classServerApi.uploadStatus, { params: { uploadId }, signal });
        else if (!response.ok && response.status < 500)
          throw new ServerRefused(
            response.status,
            'refused',
            `The class server refused a part of the lesson (${response.status})`,
          );
        else if (!response.ok) throw new ServerUnreachable(client.url, new Error(`answered ${response.status}`));
        else state = uploadStateSchema.parse(await response.json());
        troubleSince = null;
        attempt = 0;
        options.onBytes(state.offset, size);
      } catch (error) {
        if (signal.aborted || !(error instanceof ServerUnreachable)) throw error;
        troubleSince ??= Date.now();
        if (Date.now() - troubleSince > patience)
          throw new StudioError(
            'conflict',
            `${error.message} The upload stopped at ${Math.round((state.offset / size) * 100)}%; publish again to retry.`,
          );
        await wait(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 15_000, signal);
        attempt += 1;
        // Where does the server stand? A chunk may have arrived even though its answer did not.
        state = await client.call(classServerApi.uploadStatus, { params: { uploadId }, signal }).catch(() => state);
      }
    }
    return await client.call(classServerApi.finishUpload, { params: { uploadId }, signal });
  } catch (error) {
    // The teacher's cancel drops what the server holds; a studio that closed mid-way leaves it, and publishing the
    // unchanged lesson again goes on from there (the server matches the same package; it expires unfinished ones).
    if (signal.aborted && !(signal.reason instanceof Interrupted))
      await client.call(classServerApi.cancelUpload, { params: { uploadId } }).catch(() => undefined);
    throw error;
  }
}
