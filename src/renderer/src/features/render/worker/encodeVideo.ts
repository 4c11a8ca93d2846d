import { VideoSampleSink, type VideoSample } from 'mediabunny';
import { bubbleRect } from '../../../../../shared/editor/bubbleGeometry';
import type { RenderPlan, VideoPlan } from '../../../../../shared/render/renderPlan';
import { calloutsAt } from '../../../../../shared/render/callouts';
import { sourceTimeOfFrame, within } from '../../../../../shared/render/frameTimes';
import { blendIntoI420 } from './blendI420';
import { createBubbleLayer } from './bubbleLayer';
import { createCompositor } from './composite';
import type { createFrameEncoder } from './frameEncoder';
import type { OpenedFile } from './openInput';

type FrameEncoder = Awaited<ReturnType<typeof createFrameEncoder>>;

/**
 * Decodes the frames each output frame shows and encodes them. Most frames need no drawing at all: a frame without
 * bubble or callout goes to the encoder as decoded, and the bubble is blended into the decoded pixels directly. Only
 * frames with burned-in callouts are drawn on a canvas, which costs several times more.
 */
export async function encodeVideo(plan: RenderPlan, video: VideoPlan, encoder: FrameEncoder, files: { screen: OpenedFile; camera: OpenedFile | null }, onFrame: (lessonMs: number) => void): Promise<void> {
  const canvas = new OffscreenCanvas(video.width, video.height);
  const drawOnCanvas = createCompositor(plan, canvas);
  const screenFrames = new VideoSampleSink(await files.screen.video()).samplesAtTimestamps(timestampsFor(plan, video, video.screen.offsetMs));
  const cameraFrames = files.camera && plan.bubble ? new VideoSampleSink(await files.camera.video()).samplesAtTimestamps(timestampsFor(plan, video, plan.bubble.camera.offsetMs)) : null;
  // One bubble layer per screen frame size (a recording's size can change when the shared window is resized).
  const bubbles = new Map<string, { draw: ReturnType<typeof createBubbleLayer>; rect: ReturnType<typeof bubbleRect> }>();
  try {
    for (let index = 0; index < video.frameCount; index += 1) {
      const [screen, camera] = await Promise.all([next(screenFrames), cameraFrames ? next(cameraFrames) : null]);
      const timestamp = Math.round((index * 1_000_000) / video.frameRate);
      const lessonMs = ((index + 0.5) * 1000) / video.frameRate;
      const showBubble = camera !== null && plan.bubble !== null && within(plan.bubble.shown, lessonMs);
      let frame: VideoFrame;
      try {
        if (screen && calloutsAt(plan.callouts, lessonMs).length === 0 && (!showBubble || screen.format === 'I420')) {
          if (showBubble && camera && plan.bubble) {
            const size = { width: screen.displayWidth, height: screen.displayHeight };
            const key = `${size.width}x${size.height}`;
            let bubble = bubbles.get(key);
            if (!bubble) {
              const rect = bubbleRect(plan.bubble.layout, size, plan.bubble.cameraAspect);
              bubble = { rect, draw: createBubbleLayer(rect) };
              bubbles.set(key, bubble);
            }
            frame = await blended(screen, bubble.draw(camera), bubble.rect, timestamp);
          } else {
            frame = new VideoFrame(screen.toVideoFrame(), { timestamp });
          }
        } else {
          drawOnCanvas(lessonMs, screen, showBubble ? camera : null);
          frame = new VideoFrame(canvas, { timestamp });
        }
      } finally {
        screen?.close();
        camera?.close();
      }
      try {
        await encoder.encode(frame);
      } finally {
        frame.close();
      }
      onFrame((index * 1000) / video.frameRate);
    }
  } finally {
    await screenFrames.return(undefined);
    await cameraFrames?.return(undefined);
  }
}

/** A copy of the decoded screen frame with the bubble blended in (about 1.4 MB at 720p; copied, never drawn). */
async function blended(screen: VideoSample, layer: ImageData, rect: ReturnType<typeof bubbleRect>, timestamp: number): Promise<VideoFrame> {
  const width = screen.displayWidth;
  const height = screen.displayHeight;
  const buffer = new Uint8Array(screen.allocationSize());
  const layout = await screen.copyTo(buffer);
  blendIntoI420(buffer, layout, { width, height }, layer, rect);
  return new VideoFrame(buffer, { format: 'I420', codedWidth: width, codedHeight: height, timestamp, layout });
}

/** The file time (s) each output frame samples; before a file's first frame this is negative and yields nothing. */
function* timestampsFor(plan: RenderPlan, video: VideoPlan, offsetMs: number): Generator<number> {
  for (let index = 0; index < video.frameCount; index += 1) {
    yield (sourceTimeOfFrame(plan.spans, plan.durationMs, video.frameRate, index) - offsetMs) / 1000;
  }
}

async function next(frames: AsyncGenerator<VideoSample | null>): Promise<VideoSample | null> {
  const result = await frames.next();
  return result.done ? null : result.value;
}
