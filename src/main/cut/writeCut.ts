import {
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  FilePathTarget,
  Mp4OutputFormat,
  Output,
} from 'mediabunny';
import type { EncodedPiece } from '@shared/contract/cuts';
import { directTracks } from './directCut';
import type { AudioCopy, FileCut, VideoCopy } from './fileCut';
import { writeCopiedMp4 } from './mp4Copy';
import { spliceOf, splicedAudio, splicedVideo } from './splicedSamples';

/** One output file: the picture of one file of the take, the sound of one (often the same), cut to the lesson. */
export interface CutOutput {
  /** Where the file is written (a part, renamed by the caller once it is whole). */
  readonly target: string;
  readonly video: { readonly cut: FileCut; readonly copy: VideoCopy; readonly firstPiece: number } | null;
  readonly audio: { readonly cut: FileCut; readonly copy: AudioCopy } | null;
}

export interface WriteOptions {
  readonly signal: AbortSignal;
  /** Lesson milliseconds written so far, per track. */
  readonly onProgress: (lessonMs: number) => void;
}

/** Output chunks: few, large writes (measured: chunked writing doubles the copy speed against small ones). */
const WRITE_CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * Writes one output without decoding anything: packets copied from the take in lesson order, retimed to lesson time,
 * the re-encoded pieces put in where kept parts start between keyframes. MP4 with its index at the front, so a
 * learner's player starts before the file has loaded. Sources that are plain MP4s (every recording and import once
 * finished) are copied by byte range with the index computed first (`mp4Copy.ts`); others go through the muxer.
 */
export async function writeCut(
  output: CutOutput,
  pieces: ReadonlyMap<number, EncodedPiece>,
  options: WriteOptions,
): Promise<'by byte range' | 'through the muxer'> {
  const direct = await directTracks(
    output,
    output.video ? piecesFrom(pieces, output.video.firstPiece, output.video.copy) : [],
  );
  if (direct) {
    await writeCopiedMp4(output.target, direct, {
      signal: options.signal,
      onProgress: (seconds) => options.onProgress(seconds * 1000),
    });
    return 'by byte range';
  }
  await writeWithMuxer(output, pieces, options);
  return 'through the muxer';
}

/** Packet by packet through mediabunny's muxer, room for the index reserved from the packet counts, filled in last. */
export async function writeWithMuxer(
  output: CutOutput,
  pieces: ReadonlyMap<number, EncodedPiece>,
  options: WriteOptions,
) {
  const mp4 = new Output({
    format: new Mp4OutputFormat({ fastStart: 'reserve' }),
    target: new FilePathTarget(output.target, { chunked: true, chunkSize: WRITE_CHUNK_BYTES }),
  });
  const runs: (() => Promise<void>)[] = [];
  let videoMs = output.video ? 0 : Infinity;
  let audioMs = output.audio ? 0 : Infinity;
  const report = () => options.onProgress(Math.min(videoMs, audioMs));
  try {
    if (output.video) {
      const { cut, copy, firstPiece } = output.video;
      const source = new EncodedVideoPacketSource('avc');
      mp4.addVideoTrack(source, { maximumPacketCount: copy.decision.packetCount + 16 });
      runs.push(async () => {
        await copyVideo(cut, copy, piecesFrom(pieces, firstPiece, copy), source, options.signal, (ms) => {
          videoMs = ms;
          report();
        });
        source.close();
      });
    }
    if (output.audio) {
      const { copy } = output.audio;
      const config = await copy.track.getDecoderConfig();
      const codec = await copy.track.getCodec();
      if (!config || !codec) throw new Error('The sound does not say how to decode it');
      const source = new EncodedAudioPacketSource(codec);
      mp4.addAudioTrack(source, { maximumPacketCount: copy.packetCount + 16 });
      runs.push(async () => {
        await copyAudio(copy, config, source, options.signal, (ms) => {
          audioMs = ms;
          report();
        });
        source.close();
      });
    }
    await mp4.start();
    await Promise.all(runs.map((run) => run()));
    await mp4.finalize();
  } catch (error) {
    if (mp4.state !== 'finalized' && mp4.state !== 'canceled') await mp4.cancel().catch(() => undefined);
    throw error;
  }
}

function piecesFrom(pieces: ReadonlyMap<number, EncodedPiece>, first: number, copy: VideoCopy): EncodedPiece[] {
  const count = copy.decision.cuts.filter((span) => span.reencode).length;
  return Array.from({ length: count }, (_, offset) => {
    const piece = pieces.get(first + offset);
    if (!piece) throw new Error('A part before a cut was not re-encoded; cut the lesson again');
    return piece;
  });
}

async function copyVideo(
  cut: FileCut,
  copy: VideoCopy,
  pieces: readonly EncodedPiece[],
  source: EncodedVideoPacketSource,
  signal: AbortSignal,
  onPacket: (lessonMs: number) => void,
): Promise<void> {
  const base = await copy.track.getDecoderConfig();
  if (!base) throw new Error(`The ${cut.source.role} recording does not say how to decode it`);
  const splice = spliceOf(copy, pieces);
  const decoderConfig = { ...base, codec: splice.codec, description: splice.description };
  const sink = new EncodedPacketSink(copy.track);
  const read = (start: number, end: number) => packetsInRange(sink, copy.packets, start, end);
  let first = true;
  for await (const sample of splicedVideo(cut, copy, pieces, splice, read)) {
    if (signal.aborted) throw signal.reason;
    const type = sample.key ? 'key' : 'delta';
    const packet =
      sample.kind === 'reencoded'
        ? new EncodedPacket(sample.bytes, type, sample.timestamp, sample.duration)
        : new EncodedPacket(
            splice.copied(sample.packet.data, sample.key),
            type,
            sample.timestamp,
            // A copied frame keeps its own duration; where the file gives none, it lasts until the next frame.
            sample.packet.duration > 0 ? sample.packet.duration : sample.duration,
          );
    await source.add(packet, first ? { decoderConfig } : undefined);
    first = false;
    onPacket((packet.timestamp + packet.duration) * 1000);
  }
}

async function copyAudio(
  copy: AudioCopy,
  decoderConfig: AudioDecoderConfig,
  source: EncodedAudioPacketSource,
  signal: AbortSignal,
  onPacket: (lessonMs: number) => void,
): Promise<void> {
  const sink = new EncodedPacketSink(copy.track);
  const read = (start: number, end: number) => packetsInRange(sink, copy.packets, start, end);
  let first = true;
  for await (const sample of splicedAudio(copy, read)) {
    if (signal.aborted) throw signal.reason;
    await source.add(sample.packet.clone({ timestamp: sample.timestamp }), first ? { decoderConfig } : undefined);
    first = false;
    onPacket((sample.timestamp + sample.packet.duration) * 1000);
  }
}

/**
 * The packets [start, end) of a track's index read earlier. Copying trusts the index it planned from, so a packet
 * missing between planning and copying is an error, never a silent gap.
 */
async function* packetsInRange(
  sink: EncodedPacketSink,
  index: readonly { readonly timestamp: number }[],
  start: number,
  end: number,
): AsyncGenerator<EncodedPacket> {
  const from = index[start];
  const until = index[end];
  const first = from ? await sink.getPacket(from.timestamp) : null;
  const last = until ? await sink.getPacket(until.timestamp) : null;
  if (!first || (until && !last))
    throw new Error('The recording lost a packet between reading its index and copying it');
  let at = start;
  for await (const packet of sink.packets(first, last ?? undefined)) {
    yield packet;
    at += 1;
  }
  if (at !== end) throw new Error(`Copied ${at - start} of ${end - start} packets of a kept part`);
}
