import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ALL_FORMATS,
  BufferTarget,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  FilePathSource,
  Input,
  Mp4OutputFormat,
  Output,
  type EncodedPacket,
} from 'mediabunny';
import { parseAvcConfig } from '@shared/render/avcConfig';
import { renumberForSharing } from '@shared/render/avcRenumber';

/**
 * The smart cut's avc1 route on real H.264: two Baseline (CAVLC) encodes of the same picture with different
 * parameter sets, spliced at keyframes with the second's ids renumbered, must decode to exactly the frames each
 * decodes to alone. ffmpeg is the judge, frame by frame (MD5 of every decoded picture).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-renumber-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function encode(name: string, x264: string[]): string {
  const file = path.join(dir, name);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=30:duration=1',
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-bf',
    '0',
    '-g',
    '10',
    '-keyint_min',
    '10',
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    ...x264,
    file,
  ]);
  return file;
}

async function readTrack(file: string): Promise<{ description: Uint8Array; codec: string; packets: EncodedPacket[] }> {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  const config = await track?.getDecoderConfig();
  if (!track || !config?.description) throw new Error(`${file} has no H.264 track`);
  const packets: EncodedPacket[] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) packets.push(packet);
  const source = config.description as ArrayBuffer | ArrayBufferView;
  const description =
    source instanceof ArrayBuffer
      ? new Uint8Array(source)
      : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return { description: description.slice(), codec: config.codec, packets };
}

const frameHashes = (file: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'framemd5', '-'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(',').at(-1)?.trim());

describe('renumbering re-encoded parameter sets into one avc1 sample entry', () => {
  it('decodes a splice of two differently configured encodes bit-exactly, with no errors', async () => {
    const recordedFile = encode('recorded.mp4', ['-qp', '24']);
    const remadeFile = encode('remade.mp4', ['-qp', '30', '-refs', '2']);
    const recorded = await readTrack(recordedFile);
    const remade = await readTrack(remadeFile);
    const recordedConfig = parseAvcConfig(recorded.description);
    const remadeConfig = parseAvcConfig(remade.description);
    expect(remadeConfig.pps[0]).not.toEqual(recordedConfig.pps[0]);

    const renumbering = renumberForSharing(recorded.description, recordedConfig, remadeConfig);
    expect(parseAvcConfig(renumbering.description)).toMatchObject({
      sps: [recordedConfig.sps[0], expect.any(Uint8Array)],
      pps: [recordedConfig.pps[0], expect.any(Uint8Array)],
    });

    // Frames 0–9 as recorded, 10–19 re-made (renumbered), 20–29 as recorded: every switch is at a keyframe.
    const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
    const source = new EncodedVideoPacketSource('avc');
    output.addVideoTrack(source, { frameRate: 30 });
    await output.start();
    for (let index = 0; index < 30; index += 1) {
      const fromRemade = index >= 10 && index < 20;
      const packet = (fromRemade ? remade : recorded).packets[index];
      if (!packet) throw new Error(`no packet ${index}`);
      const data = fromRemade
        ? renumbering.rewriteSample(packet.data, remadeConfig.lengthSize, recordedConfig.lengthSize)
        : packet.data;
      await source.add(
        packet.clone({ data }),
        index === 0
          ? {
              decoderConfig: {
                codec: recorded.codec,
                codedWidth: 320,
                codedHeight: 180,
                description: renumbering.description,
              },
            }
          : undefined,
      );
    }
    source.close();
    await output.finalize();
    const spliced = path.join(dir, 'spliced.mp4');
    fs.writeFileSync(spliced, new Uint8Array(output.target.buffer ?? new ArrayBuffer(0)));

    expect(
      execFileSync(
        'ffprobe',
        ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=codec_tag_string', '-of', 'csv=p=0', spliced],
        { encoding: 'utf8' },
      ).trim(),
    ).toBe('avc1');
    expect(
      execFileSync('ffmpeg', ['-v', 'error', '-i', spliced, '-f', 'null', '-'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('');
    const expected = [
      ...frameHashes(recordedFile).slice(0, 10),
      ...frameHashes(remadeFile).slice(10, 20),
      ...frameHashes(recordedFile).slice(20, 30),
    ];
    expect(frameHashes(spliced)).toEqual(expected);
  });
});
