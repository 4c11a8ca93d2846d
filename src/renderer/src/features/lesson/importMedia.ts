import type { StudioClient } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import type { Take, TrackRole } from '@shared/media/takes';
import { describeError } from '../../lib/errors';

/** Files go to disk in slices this big, so importing a two-hour video never holds it all in memory. */
export const IMPORT_SLICE_BYTES = 8 * 1024 * 1024;

export interface ImportProgress {
  sentBytes: number;
  totalBytes: number;
  /** All bytes are on disk and the studio is checking and remuxing the file. */
  finishing: boolean;
  /** Set while the studio converts a file browsers cannot play (HEVC, AC-3…): how far it got, 0–100. */
  convertingPercent?: number;
}

/** The file's name without its extension; the contract cuts a long one to fit a title. */
function titleOfFile(name: string): string {
  return name.replace(/\.[^./\\]+$/, '').trim() || name;
}

/**
 * Imports one file as a take through the same write-ahead path as a recording: start, the bytes in slices,
 * finish (where the studio reads the file and refuses what is not media). Cancelling, or any failure before
 * finishing, discards the take, so nothing is left behind.
 */
export async function importMediaFile(
  studio: StudioClient,
  lessonId: string,
  file: File,
  options: { signal: AbortSignal; onProgress: (progress: ImportProgress) => void },
): Promise<Take> {
  const role: TrackRole = file.type.startsWith('audio/') ? 'audio' : 'screen';
  const { takeId } = await studio.recordings.start({
    lessonId,
    origin: 'imported',
    title: titleOfFile(file.name),
    tracks: [{ role, mimeType: file.type || 'video/mp4' }],
  });
  try {
    let index = 0;
    for (let offset = 0; offset < file.size; offset += IMPORT_SLICE_BYTES) {
      options.signal.throwIfAborted();
      const data = new Uint8Array(await file.slice(offset, offset + IMPORT_SLICE_BYTES).arrayBuffer());
      await studio.recordings.appendChunk({ takeId, role, index, atMs: 0, data });
      index += 1;
      options.onProgress({ sentBytes: offset + data.byteLength, totalBytes: file.size, finishing: false });
    }
    options.signal.throwIfAborted();
  } catch (error) {
    await studio.recordings.discard({ takeId }).catch(() => undefined);
    throw error;
  }
  options.onProgress({ sentBytes: file.size, totalBytes: file.size, finishing: true });
  // Converting can take as long as the video plays, so it reports progress and can be cancelled: discarding the take
  // stops the conversion, and `finish` then fails with nothing left behind (as it does for a refused file).
  const stopProgress = studio.recordings.onDidProgress((event) => {
    if (event.takeId === takeId)
      options.onProgress({
        sentBytes: file.size,
        totalBytes: file.size,
        finishing: true,
        convertingPercent: event.percent,
      });
  });
  const cancel = () => void studio.recordings.discard({ takeId }).catch(() => undefined);
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    return await studio.recordings.finish({ takeId, tracks: [] });
  } finally {
    options.signal.removeEventListener('abort', cancel);
    stopProgress();
  }
}

/** Why an import failed, in the service's own words where it gave some. */
export function describeImportError(error: unknown): string {
  if (error instanceof StudioError && error.code === 'invalid_input' && error.issues?.[0])
    return error.issues[0].message;
  return describeError(error);
}
