import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import type { CutPiece, EncodedPiece } from '@shared/contract/cuts';

/** How long `recording` makes its files (s). */
export const RECORDING_SECONDS = 6;

const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);

/** A 6 s recording in `dir` as Chromium's MediaRecorder makes it: fragmented MP4, Baseline H.264 without B-frames, a keyframe every second. */
export function recording(dir: string, name: string, source: string, audio: boolean, x264: string[] = []): string {
  const file = path.join(dir, name);
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `${source}:rate=30:duration=${RECORDING_SECONDS}`,
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${RECORDING_SECONDS}`] : []),
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-g',
    '30',
    '-keyint_min',
    '30',
    '-sc_threshold',
    '0',
    '-b:v',
    '800k',
    '-pix_fmt',
    'yuv420p',
    ...x264,
    ...(audio ? ['-c:a', 'libopus'] : ['-an']),
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    '-f',
    'mp4',
    file,
  );
  return file;
}

/** MD5 of each decoded picture, in order: equal lists mean the same frames, exactly. */
export function frameHashes(file: string, keep?: [number, number][]): string[] {
  const select = keep?.map(([from, to]) => `between(n,${from},${to - 1})`).join('+');
  const out = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-map',
      '0:v:0',
      ...(select ? ['-vf', `select='${select}'`] : []),
      '-fps_mode',
      'passthrough',
      '-f',
      'framemd5',
      '-',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return out
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(',').at(-1)?.trim() ?? '');
}

/** Average PSNR (dB) of a cut against the kept frames of its source, frame by frame in order. */
export function psnr(cut: string, source: string, keep: [number, number][]): number {
  const select = keep.map(([from, to]) => `between(n,${from},${to - 1})`).join('+');
  const graph = `[0:v]setpts=N/30/TB[a];[1:v]select='${select}',setpts=N/30/TB[b];[a][b]psnr`;
  const run = spawnSync('ffmpeg', ['-i', cut, '-i', source, '-filter_complex', graph, '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  const average = /PSNR .*average:(inf|[\d.]+)/.exec(run.stderr)?.[1];
  if (average === undefined) throw new Error(`ffmpeg gave no PSNR: ${run.stderr.slice(-500)}`);
  return average === 'inf' ? Infinity : Number(average);
}

/** Whether ffmpeg decodes every frame of the file without a single error. */
export function decodesCleanly(file: string): boolean {
  return (
    spawnSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' }).status === 0
  );
}

export function framesOf(file: string): number {
  return Number(
    execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=nb_read_frames',
        '-of',
        'csv=p=0',
        file,
      ],
      { encoding: 'utf8' },
    ).trim(),
  );
}

/** Re-encodes a piece the way the renderer would, but with ffmpeg's x264: the same source frames, other parameter sets. */
export async function encodeWithFfmpeg(
  dir: string,
  source: string,
  piece: CutPiece,
  cutId: string,
  pieces: readonly CutPiece[],
): Promise<EncodedPiece> {
  // As from one encoder per file: its configuration comes with the first packet of the file's first piece only.
  const withConfig = pieces.find((other) => other.role === piece.role) === piece;
  const first = piece.packets[piece.keepFrom];
  const firstIndex = Math.round((first?.timestamp ?? 0) * 30);
  const out = path.join(dir, `piece-${Math.random()}.mp4`);
  ffmpeg(
    '-i',
    source,
    '-vf',
    `select='between(n,${firstIndex},${firstIndex + piece.frames.length - 1})',setpts=N/30/TB`,
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-bf',
    '0',
    '-g',
    '1000',
    '-b:v',
    '2M',
    '-pix_fmt',
    'yuv420p',
    '-an',
    out,
  );
  const input = new Input({ source: new FilePathSource(out), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    const config = await track?.getDecoderConfig();
    if (!track || !config?.description) throw new Error('no piece');
    const description = new Uint8Array(config.description as ArrayBuffer).slice();
    const packets: EncodedPiece['packets'] = [];
    let index = 0;
    for await (const packet of new EncodedPacketSink(track).packets()) {
      const frame = piece.frames[index];
      if (!frame) break;
      packets.push({
        data: packet.data.slice(),
        key: packet.type === 'key',
        timestamp: frame.timestamp,
        duration: frame.duration,
        ...(index === 0 && withConfig ? { description } : {}),
      });
      index += 1;
    }
    return { cutId, index: piece.index, packets };
  } finally {
    input.dispose();
  }
}
