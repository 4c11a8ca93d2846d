/**
 * What MediaRecorder writes, best first. MP4 (H.264 + Opus) where the browser can, since the render path and most
 * players take it as is; WebM otherwise, which the spool remuxes so it gets a duration and seeks.
 */
const WITH_AUDIO = [
  'video/mp4;codecs=avc1,opus',
  'video/webm;codecs=vp9,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm',
];
const VIDEO_ONLY = ['video/mp4;codecs=avc1', 'video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

export function chooseMimeType(
  hasAudio: boolean,
  isSupported: (type: string) => boolean = (type) => MediaRecorder.isTypeSupported(type),
): string {
  const found = (hasAudio ? WITH_AUDIO : VIDEO_ONLY).find(isSupported);
  if (!found) throw new Error('This browser cannot record video (no supported MediaRecorder format)');
  return found;
}

/** A keyframe every second lets a later cut land on a keyframe without re-encoding much. */
export const KEYFRAME_INTERVAL_MS = 1000;
/** How often MediaRecorder hands over a chunk: at most this much is lost if the app dies. */
export const TIMESLICE_MS = 1000;
