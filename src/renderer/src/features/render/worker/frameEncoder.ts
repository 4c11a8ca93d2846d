import { EncodedPacket, type EncodedVideoPacketSource } from 'mediabunny';
import { descriptionBytes, parseAvcConfig, sameParameterSets, type AvcConfig } from '@shared/render/avcConfig';
import type { EncoderChoice, EncoderSize } from './encoderChoice';

/** Frames waiting in one encoder before we wait for it: enough to keep it busy, few enough to keep memory flat. */
const MAX_QUEUE = 6;

/** A hardware encoder failed mid-render: the page runs the render again in software (startRender.ts), its message the reason. */
export class HardwareEncoderError extends Error {
  override readonly name = 'HardwareEncoderError';
}

/**
 * Our own VideoEncoders feeding mediabunny's packet source. Chromium's encoder scales any frame to the configured
 * size itself, far faster than drawing it on a canvas, so decoded frames go in as they are.
 *
 * A software H.264 encoder works on one core, and it is most of a render's time. So the frames go to `lanes`
 * encoders a keyframe interval (2 s) each in turn: each encoder sees a run of whole GOPs on a clock of its own,
 * and the packets are put back in frame order for the muxer. Two encoders of one configuration write the same
 * parameter sets (`encoderLanes` checks it, as `sameParameterSets`), so the track's one avcC fits every GOP.
 * Which encoder, and how many, is `choice` (encoderChoice.ts).
 */
export function createFrameEncoder(source: EncodedVideoPacketSource, config: EncoderSize, choice: EncoderChoice) {
  const { config: encoderConfig, lanes: laneCount } = choice;
  // What goes wrong in a hardware encoder is said as such, so the render can run again in software.
  const encoderFault = (message: string): Error =>
    choice.facts.kind === 'hardware'
      ? new HardwareEncoderError(`the hardware video encoder failed: ${message}`)
      : new Error(message);
  const keyEvery = Math.round(config.frameRate * 2);
  const frameUs = 1_000_000 / config.frameRate;
  let failure: Error | null = null;
  // Whoever waits for room in the encoders' queues: woken by the next frame any encoder takes.
  let wake: (() => void) | null = null;
  const dequeued = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };

  // Read through a call: the encoders' callbacks set it while `encode` awaits.
  const failed = (): Error | null => failure;
  const fail = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    // A failed encoder takes no more frames: whoever waits for room must hear of it now.
    dequeued();
  };

  // Packets in frame order: each lane's are held until every earlier frame's packet has gone to the muxer.
  const done = new Map<number, { packet: EncodedPacket; meta: EncodedVideoChunkMetadata | undefined }>();
  let nextToMux = 0;
  let muxed: Promise<void> = Promise.resolve();
  let parameterSets: AvcConfig | null = null;
  const arrived = (index: number, packet: EncodedPacket, meta: EncodedVideoChunkMetadata | undefined) => {
    const described = meta?.decoderConfig?.description;
    if (described) {
      try {
        const sets = parseAvcConfig(descriptionBytes(described));
        if (parameterSets && !sameParameterSets(parameterSets, sets))
          fail(encoderFault('the video encoders disagree on the H.264 parameter sets'));
        parameterSets ??= sets;
      } catch (error) {
        fail(encoderFault(error instanceof Error ? error.message : String(error)));
      }
    }
    done.set(index, { packet, meta });
    for (let ready = done.get(nextToMux); ready; ready = done.get(nextToMux)) {
      done.delete(nextToMux);
      nextToMux += 1;
      const { packet: inOrder, meta: itsMeta } = ready;
      muxed = muxed.then(() => source.add(inOrder, itsMeta));
      muxed.catch(fail);
    }
  };

  const encoders = Array.from({ length: laneCount }, () => {
    // Each frame sent, in order, with its time on the lane's clock: an H.264 encoder without B-frames answers each
    // frame once, in turn. One that reorders (a hardware encoder might) is caught by the time, not muxed out of order.
    const sent: { index: number; timestamp: number }[] = [];
    let laneFrames = 0;
    const encoder = new VideoEncoder({
      output: (chunk, meta) => {
        const next = sent.shift();
        if (next === undefined) return fail(encoderFault('the video encoder answered a frame it was not sent'));
        if (chunk.timestamp !== next.timestamp) return fail(encoderFault('the video encoder reordered the frames'));
        const { index } = next;
        const packet = EncodedPacket.fromEncodedChunk(chunk).clone({ timestamp: index / config.frameRate });
        arrived(index, packet, meta);
      },
      error: (error) => fail(encoderFault(error.message)),
    });
    encoder.configure(encoderConfig);
    encoder.ondequeue = dequeued;
    return {
      encoder,
      sent,
      encode(frame: VideoFrame, index: number, keyFrame: boolean) {
        // On the lane's own clock, so its rate control sees an even stream rather than gaps of the other lanes' GOPs.
        const timestamp = Math.round(laneFrames * frameUs);
        sent.push({ index, timestamp });
        const onLaneClock = new VideoFrame(frame, { timestamp });
        laneFrames += 1;
        try {
          encoder.encode(onLaneClock, { keyFrame });
        } finally {
          onLaneClock.close();
        }
      },
    };
  });
  // With several lanes, the one not being fed keeps up to half a GOP to work on meanwhile.
  const maxQueued = laneCount === 1 ? MAX_QUEUE : MAX_QUEUE + Math.ceil(keyEvery / 2);
  const queued = () => encoders.reduce((sum, lane) => sum + lane.encoder.encodeQueueSize, 0);
  let index = 0;

  return {
    lanes: laneCount,
    async encode(frame: VideoFrame): Promise<void> {
      if (failure) throw failure;
      const lane = encoders[Math.floor(index / keyEvery) % laneCount];
      if (!lane) throw new Error('No video encoder for this frame');
      lane.encode(frame, index, index % keyEvery === 0);
      index += 1;
      while (queued() > maxQueued && !failed()) await new Promise<void>((resolve) => (wake = resolve));
      const error = failed();
      if (error) throw error;
      if (index % 30 === 0) await muxed;
    },
    async finish(): Promise<void> {
      // A failed encoder rejects its flush with its own error; what its error callback made of it (a hardware
      // encoder's fault, which the page retries in software) is what the render fails with.
      await Promise.all(encoders.map(({ encoder }) => encoder.flush())).catch((error: unknown) => {
        throw failed() ?? encoderFault(error instanceof Error ? error.message : String(error));
      });
      await muxed;
      for (const { encoder } of encoders) encoder.close();
      if (failure) throw failure;
      if (nextToMux !== index || encoders.some((lane) => lane.sent.length > 0))
        throw new Error(`The video encoder gave ${nextToMux} of ${index} frames`);
    },
    close(): void {
      for (const { encoder } of encoders) if (encoder.state !== 'closed') encoder.close();
    },
  };
}
