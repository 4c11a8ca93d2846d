import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Long takes for the benches, kept in the temporary folder between runs (ffmpeg takes minutes to make them): a 720p
 * screen with AAC sound, H.264 with a keyframe every second and no B-frames as the recorder's MediaRecorder makes
 * them, and a 360p camera with no sound.
 */
export function benchTake(role: 'screen' | 'camera', seconds: number): string {
  const file = path.join(os.tmpdir(), `flipside-bench-${role}-${seconds}s.mp4`);
  if (fs.existsSync(file)) return file;
  const part = `${file}.${process.pid}.part`;
  const picture =
    role === 'screen'
      ? ['-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`]
      : ['-f', 'lavfi', '-i', `testsrc=size=640x360:rate=30:duration=${seconds}`];
  const sound =
    role === 'screen' ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`] : [];
  execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', ...picture, ...sound],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0'],
      ...['-pix_fmt', 'yuv420p', '-b:v', role === 'screen' ? '2500k' : '800k'],
      ...(role === 'screen' ? ['-c:a', 'aac'] : ['-an']),
      ...['-f', 'mp4', part],
    ],
    { stdio: 'inherit' },
  );
  fs.renameSync(part, file);
  return file;
}
