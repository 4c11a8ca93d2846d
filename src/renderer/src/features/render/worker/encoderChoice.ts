import { descriptionBytes, parseAvcConfig, sameParameterSets } from '@shared/render/avcConfig';
import type { EncoderFacts, EncoderPreference } from '@shared/render/encoderQuality';
import { trialEncoder } from './encoderTrial';

export interface EncoderSize {
  width: number;
  height: number;
  bitrate: number;
  frameRate: number;
}

export interface EncoderChoice {
  readonly config: VideoEncoderConfig;
  /** How many encoders of `config` run side by side (see frameEncoder.ts). */
  readonly lanes: number;
  readonly facts: EncoderFacts;
}

/**
 * The H.264 encoder a render uses (issue 18.5). The hardware encoder is asked for first, and used where it starts,
 * answers frames in order, and its pictures, on half a second of the lesson's own frames (`sampleFrames`, at the
 * output size, closed here), are as good as the software encoder's at a bitrate raised no more than twofold
 * (encoderTrial.ts); else software.
 * Software encoders run two side by side where there are cores for them; a hardware encoder runs alone (it is not
 * what holds a render up, and a GPU offers few encoding sessions).
 */
export async function chooseEncoder(
  size: EncoderSize,
  preference: EncoderPreference,
  sampleFrames: () => Promise<VideoFrame[]>,
): Promise<EncoderChoice> {
  const named = await firstSupported(size, [], 'prefer-software');
  const software = named ?? (await supportedConfig(size));
  const inSoftware = async (why: string | null, measured: EncoderFacts['ssim'] = null): Promise<EncoderChoice> => ({
    config: software,
    lanes: await encoderLanes(software),
    facts: { kind: named ? 'software' : 'unstated', bitrate: size.bitrate, why, ssim: measured },
  });
  if (preference.hardware === 'not') return inSoftware(preference.why);
  const hardware = await firstSupported(size, [], 'prefer-hardware');
  if (!hardware) return inSoftware('this computer has no hardware H.264 encoder for this size');
  if (!(await describe(hardware))) return inSoftware('the hardware H.264 encoder would not start');
  let frames: VideoFrame[] = [];
  try {
    frames = await sampleFrames();
    const trial = await trialEncoder(frames, size, software, (bitrate) => ({ ...hardware, bitrate }));
    if (!trial.match)
      return await inSoftware('the hardware encoder’s pictures fell short of the software encoder’s', {
        hardware: trial.tried.at(-1)?.ssim ?? 0,
        software: trial.softwareSsim,
      });
    return {
      config: { ...hardware, bitrate: trial.match.bitrate },
      lanes: 1,
      facts: {
        kind: 'hardware',
        bitrate: trial.match.bitrate,
        why: null,
        ssim: { hardware: trial.match.ssim, software: trial.softwareSsim },
      },
    };
  } catch (error) {
    return await inSoftware(
      `the hardware encoder’s trial failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    for (const frame of frames) frame.close();
  }
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

/** The decoder description one encoder of `config` writes for a grey frame, or null if it wrote none or failed. */
async function describe(config: VideoEncoderConfig): Promise<Uint8Array | null> {
  let description: Uint8Array | null = null;
  const encoder = new VideoEncoder({
    output: (_chunk, meta) => {
      const described = meta?.decoderConfig?.description;
      if (described) description ??= descriptionBytes(described);
    },
    // A failed encoder rejects the flush below.
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
  size: EncoderSize,
  preferred: readonly string[] = [],
): Promise<VideoEncoderConfig> {
  const config = await firstSupported(size, preferred, 'no-preference');
  if (!config) throw new Error(`This computer cannot encode H.264 at ${size.width}×${size.height}`);
  return config;
}

async function firstSupported(
  { width, height, bitrate, frameRate }: EncoderSize,
  preferred: readonly string[],
  hardwareAcceleration: HardwareAcceleration,
): Promise<VideoEncoderConfig | null> {
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
      hardwareAcceleration,
    };
    const { supported } = await VideoEncoder.isConfigSupported(config);
    if (supported) return config;
  }
  return null;
}
