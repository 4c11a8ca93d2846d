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
  | { kind: 'refuse'; reason: string }
  | { kind: 'notMedia' };

/**
 * How a file becomes one every learner's browser can play without re-encoding: into WebM or MP4 by its codecs
 * (Matroska with H.264 or MPEG-TS become MP4), audio files as they are. A codec no browser decodes is refused in
 * words that say what to do, never silently dropped.
 */
export function planPlayable(input: { container: string; videoCodec: string | null; audioCodec: string | null }): PlayablePlan {
  const { videoCodec, audioCodec } = input;
  const extension = input.container.toLowerCase();
  if (!videoCodec && AUDIO_FILES_KEPT_AS_IS.has(extension)) return { kind: 'copy', extension };
  if (videoCodec && !PLAYABLE_VIDEO.has(videoCodec)) {
    return { kind: 'refuse', reason: `its video is ${videoCodec.toUpperCase()}, which browsers cannot play; export it as H.264 (MP4) and import that` };
  }
  if (audioCodec && !PLAYABLE_AUDIO.has(audioCodec)) {
    return { kind: 'refuse', reason: `its sound is ${audioCodec.toUpperCase()}, which browsers cannot play; export it with AAC sound and import that` };
  }
  const codecs = [videoCodec, audioCodec].filter((codec): codec is string => codec !== null);
  if (codecs.length === 0) return { kind: 'notMedia' };
  if (codecs.every((codec) => WEBM_CODECS.has(codec))) return { kind: 'remux', container: 'webm' };
  if (codecs.every((codec) => MP4_CODECS.has(codec))) return { kind: 'remux', container: 'mp4' };
  return { kind: 'refuse', reason: `its ${codecs.join(' and ')} tracks cannot share one playable file` };
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
