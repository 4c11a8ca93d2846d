import { EncodedPacket, type VideoSample } from 'mediabunny';
import { parseAvcConfig, type AvcConfig } from '@shared/render/avcConfig';
import { supportedConfig } from './frameEncoder';

const MAX_QUEUE = 6;

/** A re-encoded packet in lesson time, with the parameter sets it was made under (encoders may change them at a keyframe). */
export interface CutPacket {
  readonly packet: EncodedPacket;
  readonly config: AvcConfig;
}

/** Where a re-encoded frame goes: lesson time (s) and how long it shows, as the copied packet it stands in for would. */
export interface PlannedFrame {
  readonly timestamp: number;
  readonly duration: number;
}

export const bytesOf = (data: AllowSharedBufferSource): Uint8Array =>
  ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/**
 * One VideoEncoder for all the partial GOPs of a smart cut. Each piece starts on a forced keyframe and is flushed
 * whole before it is handed back, so the copied packets after it can follow at once.
 */
export async function createCutEncoder(
  config: { width: number; height: number; bitrate: number; frameRate: number },
  sourceCodec: string,
) {
  let failure: Error | null = null;
  let current: AvcConfig | null = null;
  let planned = new Map<number, PlannedFrame>();
  let out: CutPacket[] = [];
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      try {
        const description = meta?.decoderConfig?.description;
        if (description) current = parseAvcConfig(bytesOf(description));
        const frame = planned.get(chunk.timestamp);
        if (!current || !frame)
          throw new Error('The encoder gave a frame it was not asked for, or no H.264 configuration');
        const data = new Uint8Array(chunk.byteLength);
        chunk.copyTo(data);
        out.push({ packet: new EncodedPacket(data, chunk.type, frame.timestamp, frame.duration), config: current });
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    },
    error: (error) => (failure ??= error),
  });
  // The recording's own profile first, so the re-encoded frames need no more of a player than the copied ones.
  encoder.configure(await preferSoftware(await supportedConfig(config, [sourceCodec.replace(/^avc3/, 'avc1')])));

  return {
    /** Encodes one piece: `samples` are the source frames in order, `frames` where each lands in the lesson. */
    async encode(samples: AsyncIterable<VideoSample | null>, frames: readonly PlannedFrame[]): Promise<CutPacket[]> {
      planned = new Map(frames.map((frame) => [Math.round(frame.timestamp * 1e6), frame]));
      out = [];
      let index = 0;
      for await (const sample of samples) {
        const frame = frames[index];
        if (!sample || !frame) throw new Error('A frame before a cut could not be decoded');
        let decoded: VideoFrame | null = null;
        let retimed: VideoFrame | null = null;
        try {
          decoded = sample.toVideoFrame();
          retimed = new VideoFrame(decoded, {
            timestamp: Math.round(frame.timestamp * 1e6),
            duration: Math.round(frame.duration * 1e6),
          });
          encoder.encode(retimed, { keyFrame: index === 0 });
        } finally {
          retimed?.close();
          decoded?.close();
          sample.close();
        }
        index += 1;
        if (index === frames.length) break;
        while (encoder.encodeQueueSize > MAX_QUEUE)
          await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
        if (failure) throw failure;
      }
      await encoder.flush();
      if (failure) throw failure;
      if (out.length !== frames.length)
        throw new Error(`The encoder gave ${out.length} of ${frames.length} frames at a cut`);
      if (out[0]?.packet.type !== 'key') throw new Error('The encoder did not start a cut on a keyframe');
      return out;
    },
    close(): void {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

/**
 * The software encoder where there is one: it writes CAVLC, whose slices can share the recording's avc1 sample
 * entry under new parameter-set ids, where a hardware encoder's CABAC would need the avc3 route. The pieces are a
 * group of pictures at most, so speed does not matter here.
 */
async function preferSoftware(config: VideoEncoderConfig): Promise<VideoEncoderConfig> {
  const software: VideoEncoderConfig = { ...config, hardwareAcceleration: 'prefer-software' };
  return (await VideoEncoder.isConfigSupported(software)).supported ? software : config;
}
