import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { ffprobeDuration, ffprobeVideoDuration, mediaFixture } from '../testing/mediaFixtures';
import { FlatMp4Builder } from './flatMp4';
import { Mp4LayoutError, childBoxes } from './mp4Boxes';

const tempFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-flat-')), name);

/** Every packet of every track as mediabunny reads it: kind, times, keyframe, and a hash of its bytes. */
async function packetsOf(file: string): Promise<string[]> {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  try {
    const packets: string[] = [];
    for (const track of await input.getTracks())
      for await (const packet of new EncodedPacketSink(track).packets())
        packets.push(
          [
            track.type,
            packet.timestamp.toFixed(5),
            packet.duration.toFixed(5),
            packet.type,
            createHash('sha1').update(packet.data).digest('hex'),
          ].join(' '),
        );
    return packets;
  } finally {
    input.dispose();
  }
}

/**
 * Feeds `bytes` to a new builder in slices of `slice` bytes, the way chunks arrive, through one buffer used again
 * for every slice as recovery's reads do: the builder must keep nothing it was handed.
 */
function build(bytes: Uint8Array, slice: number): FlatMp4Builder {
  const builder = new FlatMp4Builder(tempFile('built.mp4'));
  const reused = new Uint8Array(Math.min(slice, bytes.byteLength));
  for (let at = 0; at < bytes.byteLength; at += slice) {
    const piece = bytes.subarray(at, at + slice);
    reused.set(piece);
    builder.push(reused.subarray(0, piece.byteLength));
    reused.fill(0);
  }
  return builder;
}

describe('FlatMp4Builder', () => {
  it.each([
    ['one odd-sized slice at a time', 7919],
    ['whole', Number.MAX_SAFE_INTEGER],
  ])('turns a fragmented MP4 fed %s into a plain MP4 with the very same packets and a full index', async (_, slice) => {
    const source = mediaFixture('fragmented-mp4', 3);
    const builder = build(fs.readFileSync(source), slice);
    expect(builder.endS).toBeCloseTo(3, 1);
    builder.finish();

    expect(await packetsOf(builder.target)).toEqual(await packetsOf(source));
    // Plain: one moov with the sample tables, no movie fragments left for a reader to walk.
    const top = childBoxes(fs.readFileSync(builder.target)).map((box) => box.type);
    expect(top).toEqual(['ftyp', 'mdat', 'moov']);
    expect(ffprobeDuration(builder.target)).toBeCloseTo(3, 1);
  });

  it('holds the last video frame to a later end in the index alone, leaving the sound and every packet’s bytes as they were', async () => {
    const source = mediaFixture('fragmented-mp4', 2);
    const builder = build(fs.readFileSync(source), 65_536);
    builder.finish({ holdVideoUntilS: 4 });

    expect(ffprobeVideoDuration(builder.target)).toBeCloseTo(4, 1);
    const [before, after] = [await packetsOf(source), await packetsOf(builder.target)];
    expect(after.length).toBe(before.length);
    const lastVideo = (packets: string[]) => packets.filter((packet) => packet.startsWith('video')).at(-1) ?? '';
    expect(lastVideo(after).split(' ')[2]).toBe((4 - Number(lastVideo(before).split(' ')[1])).toFixed(5));
    expect(after.filter((packet) => packet.startsWith('audio'))).toEqual(
      before.filter((packet) => packet.startsWith('audio')),
    );
  });

  it('leaves out a fragment whose media never arrived, as recovery leaves out a torn chunk', async () => {
    const bytes = fs.readFileSync(mediaFixture('fragmented-mp4', 3));
    const builder = build(bytes.subarray(0, bytes.byteLength - 5000), 10_000);
    builder.finish();
    const packets = await packetsOf(builder.target);
    expect(packets.length).toBeGreaterThan(0);
    expect(packets.length).toBeLessThan((await packetsOf(mediaFixture('fragmented-mp4', 3))).length);
    expect(ffprobeDuration(builder.target)).toBeGreaterThan(1.5);
  });

  it.each([
    ['a plain MP4 (its index is not a fragmented one)', 'mp4'],
    ['a WebM file', 'webm'],
  ] as const)('refuses %s, so the spool is remuxed instead', (_, kind) => {
    const builder = new FlatMp4Builder(tempFile('built.mp4'));
    expect(() => builder.push(fs.readFileSync(mediaFixture(kind, 2)))).toThrow(Mp4LayoutError);
    builder.abort();
    expect(fs.existsSync(builder.target)).toBe(false);
  });

  it('refuses to finish a file that never got past its header', () => {
    const builder = build(fs.readFileSync(mediaFixture('fragmented-mp4', 2)).subarray(0, 600), 600);
    expect(() => builder.finish()).toThrow(/no samples/);
    builder.abort();
  });
});
