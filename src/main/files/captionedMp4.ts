import { mp4Language } from '@shared/captions/iso639';
import { runFfmpeg, type TranscodeProgress } from '../recording/transcode';
import type { PublishedTrack } from '../publish/lessonExtras';

export interface CaptionedMp4Options {
  readonly durationMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TranscodeProgress) => void;
}

/**
 * ffmpeg arguments that copy `/input`'s picture and sound as they are (no re-encode) and add each track, read from
 * `/captions-<n>.vtt`, as an MP4 timed-text (`tx3g`, ffmpeg's `mov_text`) track: the kind QuickTime, VLC, Windows'
 * players and ffmpeg itself show as subtitles, where an MP4 `wvtt` track is read by few. Each track carries its
 * language as the three-letter code MP4 requires and the teacher's name for it as its handler name (ffmpeg writes no
 * track title into an MP4); the first is the default, as in the learner player.
 */
export function captionedMp4Args(tracks: readonly Pick<PublishedTrack, 'label' | 'srclang'>[]): string[] {
  const args = ['-hide_banner', '-nostats', '-progress', 'pipe:2', '-i', '/input'];
  tracks.forEach((_track, index) => args.push('-i', captionFileName(index)));
  args.push('-map', '0:v', '-map', '0:a?');
  tracks.forEach((_track, index) => args.push('-map', `${String(index + 1)}:0`));
  args.push('-c:v', 'copy', '-c:a', 'copy', '-c:s', 'mov_text');
  tracks.forEach((track, index) => {
    const stream = `s:${String(index)}`;
    args.push(`-metadata:s:${stream}`, `language=${mp4Language(track.srclang)}`);
    args.push(`-metadata:s:${stream}`, `handler_name=${track.label}`);
    args.push(`-disposition:${stream}`, index === 0 ? 'default' : '0');
  });
  args.push('-movflags', '+faststart', '-f', 'mp4', '/output.mp4');
  return args;
}

/**
 * Writes `target`: the render `source` with `tracks` (WebVTT in the render's own time, as `publishedTracks` makes
 * them) as subtitle tracks. On failure or cancel `target` is removed.
 */
export async function writeCaptionedMp4(
  source: string,
  target: string,
  tracks: readonly PublishedTrack[],
  options: CaptionedMp4Options,
): Promise<void> {
  await runFfmpeg(source, target, captionedMp4Args(tracks), {
    ...options,
    memoryFiles: tracks.map((track, index) => ({ name: captionFileName(index).slice(1), text: track.text })),
  });
}

function captionFileName(index: number): string {
  return `/captions-${String(index)}.vtt`;
}
