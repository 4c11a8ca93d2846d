import { EncodedPacket, type EncodedVideoPacketSource } from 'mediabunny';

/** Frames waiting in the encoder before we wait for it: enough to keep it busy, few enough to keep memory flat. */
const MAX_QUEUE = 6;

/**
 * Our own VideoEncoder feeding mediabunny's packet source. Chromium's encoder scales any frame to the configured
 * size itself, far faster than drawing it on a canvas, so decoded frames go in as they are.
 */
export async function createFrameEncoder(
  source: EncodedVideoPacketSource,
  config: { width: number; height: number; bitrate: number; frameRate: number },
) {
  let failure: Error | null = null;
  let muxed: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = EncodedPacket.fromEncodedChunk(chunk);
      muxed = muxed.then(() => source.add(packet, meta));
      muxed.catch((error: unknown) => (failure ??= error instanceof Error ? error : new Error(String(error))));
    },
    error: (error) => (failure ??= error),
  });
  encoder.configure(await supportedConfig(config));
  const keyEvery = Math.round(config.frameRate * 2);
  let index = 0;

  return {
    async encode(frame: VideoFrame): Promise<void> {
      if (failure) throw failure;
      encoder.encode(frame, { keyFrame: index % keyEvery === 0 });
      index += 1;
      while (encoder.encodeQueueSize > MAX_QUEUE)
        await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
      if (index % 30 === 0) await muxed;
    },
    async finish(): Promise<void> {
      await encoder.flush();
      await muxed;
      encoder.close();
      if (failure) throw failure;
    },
    close(): void {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

/**
 * High profile where the encoder has it (measured fastest here, and compresses best), else main, else baseline; the
 * level follows size and rate. `preferred` codec strings are tried first (a smart cut asks for the recording's own).
 */
export async function supportedConfig(
  { width, height, bitrate, frameRate }: { width: number; height: number; bitrate: number; frameRate: number },
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
