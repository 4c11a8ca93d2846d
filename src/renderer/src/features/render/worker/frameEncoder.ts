import { EncodedPacket, type EncodedVideoPacketSource } from 'mediabunny';
import { descriptionBytes, parseAvcConfig, sameParameterSets, type AvcConfig } from '@shared/render/avcConfig';

/** Frames waiting in one encoder before we wait for it: enough to keep it busy, few enough to keep memory flat. */
const MAX_QUEUE = 6;

interface EncoderSize {
  width: number;
  height: number;
  bitrate: number;
  frameRate: number;
}

/**
 * Our own VideoEncoders feeding mediabunny's packet source. Chromium's encoder scales any frame to the configured
 * size itself, far faster than drawing it on a canvas, so decoded frames go in as they are.
 *
 * A software H.264 encoder works on one core, and it is most of a render's time. So the frames go to `lanes`
 * encoders a keyframe interval (2 s) each in turn: each encoder sees a run of whole GOPs on a clock of its own,
 * and the packets are put back in frame order for the muxer. Two encoders of one configuration write the same
 * parameter sets (`encoderLanes` checks it, as `sameParameterSets`), so the track's one avcC fits every GOP.
 */
export async function createFrameEncoder(source: EncodedVideoPacketSource, config: EncoderSize) {
  const encoderConfig = await supportedConfig(config);
  const laneCount = await encoderLanes(encoderConfig);
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
          fail(new Error('The video encoders disagree on the H.264 parameter sets'));
        parameterSets ??= sets;
      } catch (error) {
        fail(error);
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
    // The frame index of each frame sent, in order: an H.264 encoder without B-frames answers each frame once, in turn.
    const sent: number[] = [];
    let laneFrames = 0;
    const encoder = new VideoEncoder({
      output: (chunk, meta) => {
        const index = sent.shift();
        if (index === undefined) return fail(new Error('The video encoder answered a frame it was not sent'));
        const packet = EncodedPacket.fromEncodedChunk(chunk).clone({ timestamp: index / config.frameRate });
        arrived(index, packet, meta);
      },
      error: fail,
    });
    encoder.configure(encoderConfig);
    encoder.ondequeue = dequeued;
    return {
      encoder,
      sent,
      encode(frame: VideoFrame, index: number, keyFrame: boolean) {
        sent.push(index);
        // On the lane's own clock, so its rate control sees an even stream rather than gaps of the other lanes' GOPs.
        const onLaneClock = new VideoFrame(frame, { timestamp: Math.round(laneFrames * frameUs) });
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
      await Promise.all(encoders.map(({ encoder }) => encoder.flush()));
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

/**
 * How many encoders a render runs side by side: two where the computer has a second core and two encoders of this
 * configuration write the same parameter sets (checked on one small frame each), else one.
 */
async function encoderLanes(config: VideoEncoderConfig): Promise<number> {
  if (navigator.hardwareConcurrency < 2) return 1;
  const [first, second] = await Promise.all([describe(config), describe(config)]);
  if (!first || !second) return 1;
  try {
    return sameParameterSets(parseAvcConfig(first), parseAvcConfig(second)) ? 2 : 1;
  } catch {
    return 1;
  }
}

/** The decoder description one encoder of `config` writes for a grey frame, or null if it wrote none. */
async function describe(config: VideoEncoderConfig): Promise<Uint8Array | null> {
  let description: Uint8Array | null = null;
  const encoder = new VideoEncoder({
    output: (_chunk, meta) => {
      const described = meta?.decoderConfig?.description;
      if (described) description ??= descriptionBytes(described);
    },
    error: () => undefined,
  });
  const frame = greyFrame(config.width, config.height);
  try {
    encoder.configure(config);
    encoder.encode(frame, { keyFrame: true });
    await encoder.flush();
  } catch {
    return null;
  } finally {
    frame.close();
    if (encoder.state !== 'closed') encoder.close();
  }
  return description;
}

function greyFrame(width: number, height: number): VideoFrame {
  const evenWidth = width + (width % 2);
  const evenHeight = height + (height % 2);
  const pixels = new Uint8Array((evenWidth * evenHeight * 3) / 2).fill(128);
  return new VideoFrame(pixels, { format: 'I420', codedWidth: evenWidth, codedHeight: evenHeight, timestamp: 0 });
}

/**
 * High profile where the encoder has it (measured fastest here, and compresses best), else main, else baseline; the
 * level follows size and rate. `preferred` codec strings are tried first (a smart cut asks for the recording's own).
 */
export async function supportedConfig(
  { width, height, bitrate, frameRate }: EncoderSize,
  preferred: readonly string[] = [],
): Promise<VideoEncoderConfig> {
  const level = width * height * frameRate > 1920 * 1080 * 30 ? '2a' : '28';
  for (const codec of [...preferred, `avc1.6400${level}`, `avc1.4d00${level}`, `avc1.4200${level}`]) {
    const config: VideoEncoderConfig = {
      codec,
      width,
      height,
      bitrate,
      framerate: frameRate,
      latencyMode: 'quality',
      avc: { format: 'avc' },
    };
    const { supported } = await VideoEncoder.isConfigSupported(config);
    if (supported) return config;
  }
  throw new Error(`This computer cannot encode H.264 at ${width}×${height}`);
}
