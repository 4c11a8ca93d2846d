import { lumaOfRgba, matchingBitrate, ssim, type BitrateMatch, type LumaPlane } from '@shared/render/encoderQuality';

export interface EncoderTrial {
  /** The candidate's lowest stepped bitrate as good as the software encoder at the planned one; null if none is. */
  readonly match: BitrateMatch | null;
  /** The software encoder's SSIM at the planned bitrate. */
  readonly softwareSsim: number;
  /** The candidate's SSIM at each bitrate tried, in turn. */
  readonly tried: readonly BitrateMatch[];
}

/**
 * Tries a candidate encoder (the hardware one, in a render) against the software encoder on `frames` (not closed
 * here): the software encoder at the planned bitrate sets the mark, and the candidate, configured for each stepped
 * bitrate by `candidateAt`, must reach it (encoderQuality.ts). Throws where either encoder fails or answers frames
 * out of order.
 */
export async function trialEncoder(
  frames: readonly VideoFrame[],
  size: { readonly width: number; readonly height: number; readonly bitrate: number },
  software: VideoEncoderConfig,
  candidateAt: (bitrate: number) => VideoEncoderConfig,
): Promise<EncoderTrial> {
  const qualityOf = createQualityMeter(frames, size.width, size.height);
  const softwareSsim = await qualityOf({ ...software, bitrate: size.bitrate });
  const tried: BitrateMatch[] = [];
  const match = await matchingBitrate(size.bitrate, softwareSsim, async (bitrate) => {
    const ssim = await qualityOf(candidateAt(bitrate));
    tried.push({ bitrate, ssim });
    return ssim;
  });
  return { match, softwareSsim, tried };
}

/**
 * Measures encoders on `frames`: each call answers the mean SSIM (luma) of the frames encoded with a configuration
 * and decoded again, against the frames themselves. The first frame is a keyframe and the rest follow it, as in a
 * render. The frames' own luma is read once; each decoded frame is measured and closed as it arrives.
 */
export function createQualityMeter(frames: readonly VideoFrame[], width: number, height: number) {
  const luma = createLumaReader(width, height);
  const sources = new Map(frames.map((frame) => [frame.timestamp, luma(frame)]));
  return async (config: VideoEncoderConfig): Promise<number> => {
    // Set by the codecs' callbacks while the awaits below are pending, so read from an object narrowing leaves alone.
    const got: { failure: Error | null; decoderConfig: VideoDecoderConfig | null } = {
      failure: null,
      decoderConfig: null,
    };
    const failed = (): Error | null => got.failure;
    const chunks: EncodedVideoChunk[] = [];
    const encoder = new VideoEncoder({
      output: (chunk, meta) => {
        // A render muxes packets in the order frames were sent (frameEncoder.ts): B-frames rule an encoder out.
        if (chunk.timestamp !== frames[chunks.length]?.timestamp)
          got.failure ??= new Error('it answers frames out of order (B-frames), which a render cannot use');
        chunks.push(chunk);
        got.decoderConfig ??= meta?.decoderConfig ?? null;
      },
      error: (error) => (got.failure ??= error),
    });
    try {
      encoder.configure(config);
      frames.forEach((frame, index) => encoder.encode(frame, { keyFrame: index === 0 }));
      await encoder.flush();
    } catch (error) {
      // An encoder that fails closes itself, so the next call meets a closed codec: its own error says why.
      throw failed() ?? error;
    } finally {
      if (encoder.state !== 'closed') encoder.close();
    }
    const encodeFailure = failed();
    if (encodeFailure) throw encodeFailure;
    if (!got.decoderConfig) throw new Error('The encoder described no stream');
    let total = 0;
    let measured = 0;
    const decoder = new VideoDecoder({
      output: (frame) => {
        try {
          const source = sources.get(frame.timestamp);
          if (!source) throw new Error('The encoder gave back a frame it was not sent');
          total += ssim(source, luma(frame));
          measured += 1;
        } catch (error) {
          got.failure ??= error instanceof Error ? error : new Error(String(error));
        } finally {
          frame.close();
        }
      },
      error: (error) => (got.failure ??= error),
    });
    try {
      decoder.configure(got.decoderConfig);
      for (const chunk of chunks) decoder.decode(chunk);
      await decoder.flush();
    } catch (error) {
      throw failed() ?? error;
    } finally {
      if (decoder.state !== 'closed') decoder.close();
    }
    const decodeFailure = failed();
    if (decodeFailure) throw decodeFailure;
    if (measured !== frames.length)
      throw new Error(`${measured} of ${frames.length} frames came back from the encoder`);
    return total / measured;
  };
}

/** Reads a frame's luma through one canvas of the output size: source and decoded frames take the same path. */
function createLumaReader(width: number, height: number): (frame: VideoFrame) => LumaPlane {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw off screen');
  return (frame) => {
    context.drawImage(frame, 0, 0, width, height);
    return lumaOfRgba(context.getImageData(0, 0, width, height).data, width, height);
  };
}
