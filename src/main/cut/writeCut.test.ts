import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input, type InputTrack } from 'mediabunny';
import type { KeptSpan } from '@shared/timeline/mapping';
import { readBoxHeader } from '../recording/mp4Boxes';
import { directTracks } from './directCut';
import { openFileCut, type FileCut } from './fileCut';
import { writeCut, writeWithMuxer, type CutOutput } from './writeCut';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-writecut-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A 6 s clip, H.264 (keyframe every second, no B-frames) with AAC sound, plain or fragmented. */
function clip(name: string, fragmented: boolean): string {
  const file = path.join(dir, name);
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30:duration=6'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=6'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0'],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac'],
    ...(fragmented ? ['-movflags', 'frag_keyframe+empty_moov+default_base_moof'] : []),
    ...['-f', 'mp4', file],
  ]);
  return file;
}

/** Keeps 0–2 s and 3–6 s: both cuts on keyframes, so every kept packet is copied. */
const SPANS: KeptSpan[] = [
  { sourceStart: 0, sourceEnd: 2000, lessonStart: 0 },
  { sourceStart: 3000, sourceEnd: 6000, lessonStart: 2000 },
];

async function open(file: string): Promise<FileCut> {
  const cut = await openFileCut({ role: 'screen', file, offsetMs: 0, video: true, audio: true }, SPANS);
  if (typeof cut === 'string') throw new Error(cut);
  return cut;
}

function outputOf(cut: FileCut, target: string): CutOutput {
  if (!cut.video || !cut.audio) throw new Error('the clip has picture and sound');
  return { target, video: { cut, copy: cut.video, firstPiece: 0 }, audio: { cut, copy: cut.audio } };
}

const options = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

/** Every packet of each track: its time, whether it is a keyframe, and a hash of its bytes. */
async function packetsOf(file: string): Promise<{ video: string[]; audio: string[] }> {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  try {
    const list = async (track: InputTrack | null) => {
      const out: string[] = [];
      if (!track) return out;
      for await (const packet of new EncodedPacketSink(track).packets())
        out.push(
          `${packet.timestamp.toFixed(4)} ${packet.type} ${createHash('md5').update(packet.data).digest('hex')}`,
        );
      return out;
    };
    return {
      video: await list(await input.getPrimaryVideoTrack()),
      audio: await list(await input.getPrimaryAudioTrack()),
    };
  } finally {
    input.dispose();
  }
}

function topLevelBoxes(file: string): string[] {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const types: string[] = [];
  for (let at = 0; at < bytes.byteLength;) {
    const header = readBoxHeader(bytes, at);
    if (!header) break;
    types.push(header.type);
    at += header.size;
  }
  return types;
}

describe('writeCut', () => {
  it('copies a plain MP4 by byte range: the very packets, times and keyframes the muxer writes, index first', async () => {
    const cut = await open(clip('plain.mp4', false));
    try {
      expect(await directTracks(outputOf(cut, ''), [])).not.toBeNull();
      const direct = path.join(dir, 'direct.mp4');
      const muxed = path.join(dir, 'muxed.mp4');
      const progress: number[] = [];
      await writeCut(outputOf(cut, direct), new Map(), { ...options(), onProgress: (ms) => progress.push(ms) });
      await writeWithMuxer(outputOf(cut, muxed), new Map(), options());
      const [ours, theirs] = [await packetsOf(direct), await packetsOf(muxed)];
      expect(ours.video).toHaveLength(150);
      expect(ours.audio.length).toBeGreaterThan(200);
      expect(ours).toEqual(theirs);
      expect(topLevelBoxes(direct)).toEqual(['ftyp', 'moov', 'mdat']);
      expect(progress.at(-1)).toBeGreaterThanOrEqual(4990);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
    } finally {
      cut.input.dispose();
    }
  });

  it('goes through the muxer for a source that is not a plain MP4 (fragmented), keeping the same frames', async () => {
    const plain = await open(clip('plain-2.mp4', false));
    const fragmented = await open(clip('fragmented.mp4', true));
    try {
      expect(await directTracks(outputOf(fragmented, ''), [])).toBeNull();
      const fromFragmented = path.join(dir, 'from-fragmented.mp4');
      const fromPlain = path.join(dir, 'from-plain.mp4');
      await writeCut(outputOf(fragmented, fromFragmented), new Map(), options());
      await writeCut(outputOf(plain, fromPlain), new Map(), options());
      // Two encodes of the same picture (the fragmented one's clock shifted by its sound's priming): their bytes and
      // times may differ, which frames are kept and which are keyframes may not.
      const kinds = (lines: string[]) => lines.map((line) => line.split(' ')[1]);
      expect(kinds((await packetsOf(fromFragmented)).video)).toEqual(kinds((await packetsOf(fromPlain)).video));
      expect(topLevelBoxes(fromFragmented).slice(0, 2)).toEqual(['ftyp', 'moov']);
    } finally {
      plain.input.dispose();
      fragmented.input.dispose();
    }
  });

  it('stops when cancelled, answering the cancel', async () => {
    const cut = await open(clip('plain-3.mp4', false));
    try {
      const controller = new AbortController();
      controller.abort(new Error('cancelled'));
      await expect(
        writeCut(outputOf(cut, path.join(dir, 'cancelled.mp4')), new Map(), {
          ...options(),
          signal: controller.signal,
        }),
      ).rejects.toThrow('cancelled');
    } finally {
      cut.input.dispose();
    }
  });
});
