import fs from 'node:fs';
import path from 'node:path';
import type { StudioClient } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import { Interrupted } from './io';
import type { Take } from '@shared/media/takes';

const CHUNK_BYTES = 8 * 1024 * 1024;

const MIME_BY_EXTENSION: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.m4a': 'audio/x-m4a',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/**
 * Streams a file into a lesson through the same recording calls the app's importer makes, so probing, refusal
 * and clean-up are the service's. The file is read in slices: any size imports in flat memory. Ctrl+C (`signal`)
 * discards the import, which stops a conversion and leaves nothing.
 */
export async function importFile(
  client: StudioClient,
  lessonId: string,
  file: string,
  signal?: AbortSignal,
): Promise<Take> {
  const extension = path.extname(file).toLowerCase();
  const mimeType = MIME_BY_EXTENSION[extension] ?? 'video/mp4';
  const role = mimeType.startsWith('audio/') ? 'audio' : 'screen';
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new StudioError(
      missing ? 'not_found' : 'invalid_input',
      `cannot read ${file}: ${missing ? 'no such file' : (error as Error).message}`,
    );
  }
  let discard = () => undefined as unknown;
  try {
    const { takeId } = await client.recordings.start({
      lessonId,
      origin: 'imported',
      title: path.basename(file, extension),
      tracks: [{ role, mimeType }],
    });
    discard = () => client.recordings.discard({ takeId }).catch(() => undefined);
    signal?.addEventListener('abort', discard, { once: true });
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (let index = 0; ; index += 1) {
      if (signal?.aborted) throw new Interrupted();
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      await client.recordings.appendChunk({ takeId, role, index, atMs: 0, data: buffer.slice(0, read) });
    }
    return await client.recordings.finish({ takeId, tracks: [] });
  } catch (error) {
    throw signal?.aborted ? new Interrupted() : error;
  } finally {
    signal?.removeEventListener('abort', discard);
    fs.closeSync(fd);
  }
}
