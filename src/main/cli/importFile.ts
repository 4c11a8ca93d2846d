import fs from 'node:fs';
import path from 'node:path';
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

type Call = (service: string, method: string, input: unknown) => Promise<unknown>;

/**
 * Streams a file into a lesson through the same recording calls the app's importer makes, so probing, refusal
 * and clean-up are the service's. The file is read in slices: any size imports in flat memory.
 */
export async function importFile(lessonId: string, file: string, call: Call): Promise<Take> {
  const extension = path.extname(file).toLowerCase();
  const mimeType = MIME_BY_EXTENSION[extension] ?? 'video/mp4';
  const role = mimeType.startsWith('audio/') ? 'audio' : 'screen';
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new Error(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      { cause: error },
    );
  }
  try {
    const { takeId } = (await call('recordings', 'start', {
      lessonId,
      origin: 'imported',
      title: path.basename(file, extension),
      tracks: [{ role, mimeType }],
    })) as { takeId: string };
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (let index = 0; ; index += 1) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      await call('recordings', 'appendChunk', { takeId, role, index, atMs: 0, data: buffer.slice(0, read) });
    }
    return (await call('recordings', 'finish', { takeId, tracks: [] })) as Take;
  } finally {
    fs.closeSync(fd);
  }
}
