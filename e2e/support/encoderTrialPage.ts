// The page side of e2e/encoder-trial.spec.ts: bundled with Vite by the spec and run in Chromium, where WebCodecs is.
import { BufferTarget, EncodedVideoPacketSource, Mp4OutputFormat, Output } from 'mediabunny';
import { createQualityMeter, trialEncoder } from '../../src/renderer/src/features/render/worker/encoderTrial';
import { createFrameEncoder } from '../../src/renderer/src/features/render/worker/frameEncoder';

/**
 * `count` frames of a lesson-like slide at 30 fps: a title, lines of text, a noisy photograph (which costs an encoder
 * bits) and a pointer that moves, so a starved encoder shows in the pictures.
 */
function slideFrames(width: number, height: number, count: number): VideoFrame[] {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  const photo = context.createImageData(width / 2, height / 2);
  let seed = 7;
  for (let index = 0; index < photo.data.length; index += 4) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const shade = ((index / 4) % (width / 2)) / 3 + (seed % 64);
    photo.data.set([shade, 120 + (seed % 40), 200 - shade / 2, 255], index);
  }
  return Array.from({ length: count }, (_, index) => {
    context.fillStyle = '#fdfcf7';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#1d2b3a';
    context.font = `bold ${Math.round(height / 12)}px sans-serif`;
    context.fillText('Photosynthesis: the light reactions', width / 20, height / 8);
    context.font = `${Math.round(height / 24)}px sans-serif`;
    for (let line = 0; line < 6; line += 1)
      context.fillText(
        `${line + 1}. Water is split, oxygen is released, ATP is made`,
        width / 20,
        height / 4 + line * (height / 14),
      );
    context.putImageData(photo, width / 2 - width / 20, height / 2 - height / 20);
    context.fillStyle = '#c0392b';
    context.beginPath();
    context.arc(width / 4 + index * 8, height * 0.8, height / 40, 0, 2 * Math.PI);
    context.fill();
    return new VideoFrame(canvas, { timestamp: Math.round((index * 1_000_000) / 30) });
  });
}

/**
 * Feeds `frames` to a render's frame encoder for `config`, taken as the hardware encoder a trial chose, into an MP4
 * in memory; answers how the render's encoding ended: its error's name and message, or null where it finished.
 */
async function encodeAsHardware(
  frames: readonly VideoFrame[],
  config: VideoEncoderConfig,
): Promise<{ name: string; message: string } | null> {
  const output = new Output({ format: new Mp4OutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(source, { frameRate: 30 });
  await output.start();
  const size = { width: config.width, height: config.height, bitrate: config.bitrate ?? 0, frameRate: 30 };
  const choice = {
    config,
    lanes: 1,
    facts: { kind: 'hardware', bitrate: size.bitrate, why: null, ssim: null },
  } as const;
  const encoder = createFrameEncoder(source, size, choice);
  try {
    for (const frame of frames) await encoder.encode(frame);
    await encoder.finish();
    return null;
  } catch (error) {
    return error instanceof Error ? { name: error.name, message: error.message } : { name: '', message: String(error) };
  } finally {
    encoder.close();
    await output.cancel();
  }
}

/** Runs `use` on 15 frames of a slide, closed after it whatever it does. */
async function onSlide<T>(width: number, height: number, use: (frames: readonly VideoFrame[]) => Promise<T>) {
  const frames = slideFrames(width, height, 15);
  try {
    return await use(frames);
  } finally {
    for (const frame of frames) frame.close();
  }
}

/** What the spec calls in the page, as `globalThis.encoderTrialPage`. */
export const encoderTrialPage = { onSlide, createQualityMeter, trialEncoder, encodeAsHardware };
Object.assign(globalThis, { encoderTrialPage });
