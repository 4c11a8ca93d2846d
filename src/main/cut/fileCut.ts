import {
  ALL_FORMATS,
  EncodedPacketSink,
  FilePathSource,
  Input,
  type InputAudioTrack,
  type InputVideoTrack,
} from 'mediabunny';
import type { CutPiece } from '@shared/contract/cuts';
import { COPYABLE_AUDIO_CODECS, planAudioCopy, type AudioPiece, type TimedPacket } from '@shared/render/audioCopy';
import { descriptionBytes } from '@shared/render/avcConfig';
import { outputFrameRate, videoBitrate } from '@shared/render/outputSize';
import { lessonTimeOfPacket, planPacketCopy, type CopyDecision, type PacketInfo } from '@shared/render/packetCopy';
import type { KeptSpan } from '@shared/timeline/mapping';

/** One file of the take to cut: which of its tracks go into the output. */
export interface CutSource {
  readonly role: 'screen' | 'camera';
  /** Absolute path. */
  readonly file: string;
  /** Where the file starts on the take's clock (ms). */
  readonly offsetMs: number;
  readonly video: boolean;
  readonly audio: boolean;
}

export interface VideoCopy {
  readonly track: InputVideoTrack;
  readonly codec: string;
  readonly description: Uint8Array<ArrayBuffer>;
  readonly packets: readonly PacketInfo[];
  /** Each packet's size, as the index gives it (checked against the file's own sample table before copying by it). */
  readonly sizes: Uint32Array;
  readonly decision: Extract<CopyDecision, { copy: true }>;
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
  readonly bitrate: number;
}

export interface AudioCopy {
  readonly track: InputAudioTrack;
  readonly packets: readonly TimedPacket[];
  readonly sizes: Uint32Array;
  readonly pieces: readonly AudioPiece[];
  readonly packetCount: number;
}

export interface FileCut {
  readonly source: CutSource;
  readonly spans: readonly KeptSpan[];
  readonly input: Input;
  readonly video: VideoCopy | null;
  readonly audio: AudioCopy | null;
}

/** Read-ahead for packet copying: big reads are what make copying in main fast (measured: 2x against the default). */
const READ_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a file's packet index (no frame data) and decides whether its kept parts can be copied packet for packet.
 * Answers the reason, in the teacher's words, when they cannot.
 */
export async function openFileCut(source: CutSource, spans: readonly KeptSpan[]): Promise<FileCut | string> {
  const input = new Input({
    source: new FilePathSource(source.file, { maxCacheSize: READ_CACHE_BYTES }),
    formats: ALL_FORMATS,
  });
  try {
    const video = source.video ? await videoCopyOf(input, source, spans) : null;
    if (typeof video === 'string') throw new Refusal(video);
    const audio = source.audio ? await audioCopyOf(input, source, spans) : null;
    if (typeof audio === 'string') throw new Refusal(audio);
    return { source, spans, input, video, audio };
  } catch (error) {
    input.dispose();
    if (error instanceof Refusal) return error.message;
    throw error;
  }
}

class Refusal extends Error {}

async function videoCopyOf(input: Input, source: CutSource, spans: readonly KeptSpan[]): Promise<VideoCopy | string> {
  const track = await input.getPrimaryVideoTrack();
  if (!track) return `the ${source.role} recording has no picture`;
  const codec = await track.getCodec();
  if (codec !== 'avc') return `the ${source.role} recording is ${codec ?? 'an unknown codec'}, not H.264`;
  const config = await track.getDecoderConfig();
  if (!config?.description) return `the ${source.role} recording carries no H.264 configuration to cut it by`;
  const packets: PacketInfo[] = [];
  const sizes: number[] = [];
  let bytes = 0;
  for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
    packets.push({ timestamp: packet.timestamp, key: packet.type === 'key' });
    sizes.push(packet.byteLength);
    bytes += packet.byteLength;
  }
  const decision = planPacketCopy(spans, source.offsetMs, packets);
  if (!decision.copy) return decision.reason;
  const seconds = (packets.at(-1)?.timestamp ?? 0) - (packets[0]?.timestamp ?? 0);
  const height = await track.getDisplayHeight();
  const averageRate = seconds > 0 ? packets.length / seconds : null;
  return {
    track,
    codec: config.codec,
    // Typed by the DOM's lib, which main's build has not: it is one of these.
    description: descriptionBytes(config.description as ArrayBufferView | ArrayBuffer),
    packets,
    sizes: Uint32Array.from(sizes),
    decision,
    width: await track.getDisplayWidth(),
    height,
    frameRate: outputFrameRate(averageRate),
    // Pieces at cuts start on a keyframe and are short, so they get at least the recording's own rate.
    bitrate: Math.max(videoBitrate(height), seconds > 0 ? Math.round((bytes * 8) / seconds) : 0),
  };
}

async function audioCopyOf(input: Input, source: CutSource, spans: readonly KeptSpan[]): Promise<AudioCopy | string> {
  const track = await input.getPrimaryAudioTrack();
  if (!track) return `the ${source.role} recording has no sound`;
  const codec = await track.getCodec();
  if (!codec || !COPYABLE_AUDIO_CODECS.includes(codec)) return `the sound is ${codec ?? 'an unknown codec'}`;
  const packets: TimedPacket[] = [];
  const sizes: number[] = [];
  for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
    packets.push({ timestamp: packet.timestamp, duration: packet.duration });
    sizes.push(packet.byteLength);
  }
  const pieces = planAudioCopy(spans, source.offsetMs, packets);
  return {
    track,
    packets,
    sizes: Uint32Array.from(sizes),
    pieces,
    packetCount: pieces.reduce((sum, piece) => sum + piece.end - piece.start, 0),
  };
}

/**
 * The stretches the renderer must re-encode, numbered from `firstIndex`, each with the packets to decode (from the
 * keyframe before) and where its frames land in the lesson.
 */
export async function piecesOf(cut: FileCut, firstIndex: number): Promise<CutPiece[]> {
  const video = cut.video;
  if (!video) return [];
  const sink = new EncodedPacketSink(video.track);
  const pieces: CutPiece[] = [];
  for (const span of video.decision.cuts) {
    const range = span.reencode;
    if (!range) continue;
    const from = video.packets[range.decodeFrom];
    const first = from ? await sink.getPacket(from.timestamp) : null;
    if (!first) throw new Error(`The ${cut.source.role} recording lost a packet between reading its index and cutting`);
    const packets: CutPiece['packets'] = [];
    for await (const packet of sink.packets(first)) {
      packets.push({ data: packet.data.slice(), key: packet.type === 'key', timestamp: packet.timestamp });
      if (packets.length === range.end - range.decodeFrom) break;
    }
    if (packets.length !== range.end - range.decodeFrom)
      throw new Error(`The ${cut.source.role} recording ended inside a part to re-encode`);
    const frames = Array.from({ length: range.end - range.start }, (_, offset) => {
      const at = range.start + offset;
      const lessonTime = lessonTimeOfPacket(cut.spans, cut.source.offsetMs, video.packets[at]?.timestamp ?? NaN);
      return { timestamp: Math.max(0, lessonTime ?? 0), duration: frameDuration(video, at) };
    });
    pieces.push({
      index: firstIndex + pieces.length,
      role: cut.source.role,
      codec: video.codec,
      description: video.description,
      width: video.width,
      height: video.height,
      bitrate: video.bitrate,
      frameRate: video.frameRate,
      packets,
      keepFrom: range.start - range.decodeFrom,
      frames,
    });
  }
  return pieces;
}

/** How long a frame shows: until the next one, or one frame at the output rate for the last. */
export function frameDuration(video: Pick<VideoCopy, 'packets' | 'frameRate'>, index: number): number {
  const next = video.packets[index + 1]?.timestamp;
  const here = video.packets[index]?.timestamp ?? 0;
  return next !== undefined && next > here ? next - here : 1 / video.frameRate;
}

/**
 * Why a video file's packets cannot be copied whatever the cuts, or null: frames stored out of display order
 * (B-frames). Reads the packet index only, no frame data.
 */
export async function reorderProblem(file: string, role: string): Promise<string | null> {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return null;
    let previous = -Infinity;
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
      if (packet.timestamp <= previous) return `the ${role} recording reorders frames (B-frames)`;
      previous = packet.timestamp;
    }
    return null;
  } finally {
    input.dispose();
  }
}
