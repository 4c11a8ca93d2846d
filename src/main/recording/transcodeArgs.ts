/** What happens to one stream: copied as it is, re-encoded, or absent. */
export type StreamAction = 'copy' | 'encode' | null;

/**
 * ffmpeg arguments that turn `/input` into a playable `/output.mp4`: H.264 (libx264 veryfast, yuv420p so every
 * decoder takes it, a keyframe every second so the editor can cut anywhere) and AAC, or a stream copied as it is when
 * only the other one needs converting. `-progress pipe:2` puts machine-readable progress into the log.
 */
export function transcodeArgs(plan: { video: StreamAction; audio: StreamAction }): string[] {
  const args = ['-hide_banner', '-nostats', '-progress', 'pipe:2', '-i', '/input'];
  if (plan.video) args.push('-map', '0:v:0');
  if (plan.audio) args.push('-map', '0:a:0');
  if (plan.video === 'encode') {
    args.push(
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      '-pix_fmt',
      'yuv420p',
      '-force_key_frames',
      'expr:gte(t,n_forced*1)',
    );
  } else if (plan.video === 'copy') {
    args.push('-c:v', 'copy');
  }
  if (plan.audio === 'encode') args.push('-c:a', 'aac', '-b:a', '160k');
  else if (plan.audio === 'copy') args.push('-c:a', 'copy');
  // Only the mapped streams go in (subtitles and data tracks are left out): a take holds one picture and one sound.
  args.push('-movflags', '+faststart', '-f', 'mp4', '/output.mp4');
  return args;
}

/**
 * The first sound stream as 16 kHz mono 16-bit PCM WAV, for a speech recogniser. The Worker's output is always named
 * /output.mp4; `-f wav` sets what is written there.
 */
export function speechAudioArgs(): string[] {
  return [
    '-hide_banner',
    '-nostats',
    '-progress',
    'pipe:2',
    '-i',
    '/input',
    '-map',
    '0:a:0',
    '-vn',
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    '-f',
    'wav',
    '/output.mp4',
  ];
}
