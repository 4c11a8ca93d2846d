import type { StreamAction } from './transcodeArgs';

/** Codecs Chromium (and so Electron and the exported player) decodes everywhere, without special hardware. */
const PLAYABLE_VIDEO = new Set(['avc', 'vp8', 'vp9', 'av1']);
const PLAYABLE_AUDIO = new Set(['aac', 'opus', 'mp3', 'vorbis', 'flac']);
const WEBM_CODECS = new Set(['vp8', 'vp9', 'av1', 'opus', 'vorbis']);
const MP4_CODECS = new Set(['avc', 'vp9', 'av1', 'aac', 'opus', 'mp3', 'flac']);
/** Audio-only files the browser plays as they are, whatever their codec details. */
const AUDIO_FILES_KEPT_AS_IS = new Set(['mp3', 'wav', 'ogg', 'flac', 'aac']);

export type PlayablePlan =
  | { kind: 'remux'; container: 'webm' | 'mp4' }
  | { kind: 'copy'; extension: string }
  | { kind: 'transcode'; video: StreamAction; audio: StreamAction }
  | { kind: 'notMedia' };

/**
 * How a file becomes one every learner's browser can play: kept as it is when it can (remuxed into WebM or MP4 by
 * its codecs, so Matroska with H.264 or MPEG-TS become MP4; audio files copied), converted to H.264/AAC MP4 when it
 * cannot. A stream that is already playable and fits MP4 is copied even then, so only what must be re-encoded is.
 * A track whose codec is not recognised arrives as 'unknown' and is converted too, never silently dropped.
 */
export function planPlayable(input: {
  container: string;
  videoCodec: string | null;
  audioCodec: string | null;
}): PlayablePlan {
  const { videoCodec, audioCodec } = input;
  const extension = input.container.toLowerCase();
  if (!videoCodec && AUDIO_FILES_KEPT_AS_IS.has(extension)) return { kind: 'copy', extension };
  const codecs = [videoCodec, audioCodec].filter((codec): codec is string => codec !== null);
  if (codecs.length === 0) return { kind: 'notMedia' };
  const playable = (!videoCodec || PLAYABLE_VIDEO.has(videoCodec)) && (!audioCodec || PLAYABLE_AUDIO.has(audioCodec));
  if (playable && codecs.every((codec) => WEBM_CODECS.has(codec))) return { kind: 'remux', container: 'webm' };
  if (playable && codecs.every((codec) => MP4_CODECS.has(codec))) return { kind: 'remux', container: 'mp4' };
  // Into MP4, a stream is copied only if browsers play it there; everything else becomes H.264 or AAC.
  const action = (codec: string | null, playableSet: Set<string>): StreamAction => {
    if (codec === null) return null;
    return playableSet.has(codec) && MP4_CODECS.has(codec) ? 'copy' : 'encode';
  };
  return { kind: 'transcode', video: action(videoCodec, PLAYABLE_VIDEO), audio: action(audioCodec, PLAYABLE_AUDIO) };
}

/** The short container name a finished file's extension comes from. */
export function containerOf(formatName: string): string {
  const name = formatName.toLowerCase();
  if (name.includes('webm') || name.includes('matroska')) return 'mkv';
  if (name.includes('mp4') || name.includes('quicktime')) return 'mp4';
  if (name.includes('transport')) return 'ts';
  if (name.includes('wave')) return 'wav';
  if (name.includes('adts')) return 'aac';
  for (const audio of ['mp3', 'ogg', 'flac']) if (name.includes(audio)) return audio;
  return name;
}
