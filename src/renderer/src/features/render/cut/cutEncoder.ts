import type { EncodedPiece } from '@shared/contract/cuts';
import { descriptionBytes } from '@shared/render/avcConfig';
import { supportedConfig } from '../worker/encoderChoice';

const MAX_QUEUE = 6;

/** Where a re-encoded frame goes: lesson time (s) and how long it shows, as the copied packet it stands in for would. */
export interface PlannedFrame {
  readonly timestamp: number;
  readonly duration: number;
}

type EncodedPacket = EncodedPiece['packets'][number];

/**
 * One VideoEncoder for all the pieces of one file of a smart cut. Each piece starts on a forced keyframe and is
 * flushed whole before it is handed back. A packet carries the avcC the encoder gave with it, when it gave one.
 */
export async function createCutEncoder(
  config: { width: number; height: number; bitrate: number; frameRate: number },
  sourceCodec: string,
) {
  let failure: Error | null = null;
  let planned = new Map<number, PlannedFrame>();
  let out: EncodedPacket[] = [];
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const frame = planned.get(chunk.timestamp);
      if (!frame) {
        failure ??= new Error('The encoder gave a frame it was not asked for');
        return;
      }
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      const description = meta?.decoderConfig?.description;
      out.push({
        data,
        key: chunk.type === 'key',
        timestamp: frame.timestamp,
        duration: frame.duration,
        ...(description ? { description: descriptionBytes(description) } : {}),
      });
    },
    error: (error) => (failure ??= error),
  });
  // The recording's own profile first, so the re-encoded frames need no more of a player than the copied ones.
  encoder.configure(await preferSoftware(await supportedConfig(config, [sourceCodec.replace(/^avc3/, 'avc1')])));

  return {
    /** Encodes one piece: `frames` are the source pictures in order (closed here), `planned` where each lands. */
    async encode(frames: AsyncIterable<VideoFrame>, plan: readonly PlannedFrame[]): Promise<EncodedPacket[]> {
      planned = new Map(plan.map((frame) => [Math.round(frame.timestamp * 1e6), frame]));
      out = [];
      let index = 0;
      for await (const decoded of frames) {
        const frame = plan[index];
        let retimed: VideoFrame | null = null;
        try {
          if (!frame) continue;
          retimed = new VideoFrame(decoded, {
            timestamp: Math.round(frame.timestamp * 1e6),
            duration: Math.round(frame.duration * 1e6),
          });
          encoder.encode(retimed, { keyFrame: index === 0 });
        } finally {
          retimed?.close();
          decoded.close();
        }
        index += 1;
        while (encoder.encodeQueueSize > MAX_QUEUE)
          await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
        if (failure) throw failure;
      }
      await encoder.flush();
      if (failure) throw failure;
      if (out.length !== plan.length)
        throw new Error(`The encoder gave ${out.length} of ${plan.length} frames at a cut`);
      if (!out[0]?.key) throw new Error('The encoder did not start a cut on a keyframe');
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
