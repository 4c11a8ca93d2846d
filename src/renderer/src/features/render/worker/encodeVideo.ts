import { VideoSampleSink, type VideoSample } from 'mediabunny';
import { bubbleRect } from '@shared/editor/bubbleGeometry';
import type { RenderPlan, VideoPlan } from '@shared/render/renderPlan';
import { calloutsAt, type PlannedCallout } from '@shared/render/callouts';
import { sourceTimeOfFrame, within } from '@shared/render/frameTimes';
import { composeBubble, createBubbleRaster, type BubbleRaster, type I420Frame } from '@shared/render/bubbleRaster';
import { blendOverlay } from '@shared/render/overlayBlend';
import { createCalloutOverlay } from './calloutOverlay';
import { createCompositor } from './composite';
import { createCaptionPages, type CaptionOnFrame } from './drawCaptions';
import type { createFrameEncoder } from './frameEncoder';
import type { OpenedFile } from './openInput';

type FrameEncoder = Awaited<ReturnType<typeof createFrameEncoder>>;

/**
 * Decodes the frames each output frame shows and encodes them. Most frames need no drawing at all: a frame without
 * bubble or callout goes to the encoder as decoded, and the bubble and burned-in callouts are composited into the
 * decoded pixels directly. Only frames under a blur callout or showing a burned-in caption (or not decoded as I420) are
 * drawn on a canvas, which costs several times more and, in a software canvas, leaves each frame drawn in Chromium's
 * image cache.
 */
export async function encodeVideo(
  plan: RenderPlan,
  video: VideoPlan,
  encoder: FrameEncoder,
  files: { screen: OpenedFile; camera: OpenedFile | null },
  onFrame: (lessonMs: number) => void,
): Promise<void> {
  const canvas = new OffscreenCanvas(video.width, video.height);
  const drawOnCanvas = createCompositor(plan, canvas);
  const measuring = new OffscreenCanvas(1, 1).getContext('2d');
  if (!measuring) throw new Error('This browser cannot measure caption text off screen');
  const captionAt = createCaptionPages(plan, video, measuring);
  const screenFrames = new VideoSampleSink(await files.screen.video()).samplesAtTimestamps(
    timestampsFor(plan, video, video.screen.offsetMs),
  );
  const cameraFrames =
    files.camera && plan.bubble
      ? new VideoSampleSink(await files.camera.video()).samplesAtTimestamps(
          timestampsFor(plan, video, plan.bubble.camera.offsetMs),
        )
      : null;
  const composer = createPixelComposer(plan, video);
  try {
    for (let index = 0; index < video.frameCount; index += 1) {
      const [screen, camera] = await Promise.all([next(screenFrames), cameraFrames ? next(cameraFrames) : null]);
      const timestamp = Math.round((index * 1_000_000) / video.frameRate);
      const lessonMs = ((index + 0.5) * 1000) / video.frameRate;
      const showBubble = camera !== null && plan.bubble !== null && within(plan.bubble.shown, lessonMs);
      const callouts = calloutsAt(plan.callouts, lessonMs);
      const caption = captionAt(lessonMs);
      let frame: VideoFrame;
      try {
        const bubbleCamera = showBubble ? camera : null;
        if (screen && !callouts.some((callout) => callout.kind === 'blur') && composer.handles(screen, bubbleCamera)) {
          frame =
            bubbleCamera || callouts.length > 0 || caption
              ? await composer.compose(screen, bubbleCamera, callouts, caption, timestamp)
              : retimed(screen, timestamp);
        } else {
          drawOnCanvas(lessonMs, screen, showBubble ? camera : null, caption);
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

/**
 * Blends the camera bubble, burned-in callouts and caption into copies of decoded I420 screen frames, in the pixels' own colour
 * space: nothing is drawn on a canvas, and only the bubble's and callouts' pixels are computed. Buffers and the
 * bubble's layout are made once per frame size (a recording's size can change when the shared window is resized).
 */
function createPixelComposer(plan: RenderPlan, video: VideoPlan) {
  const overlayFor = createCalloutOverlay(video);
  const rasters = new Map<string, BubbleRaster>();
  const buffers = new Map<string, Uint8Array>();
  const copy = async (sample: VideoSample, role: string): Promise<I420Frame> => {
    const size = sample.allocationSize();
    let data = buffers.get(role);
    if (!data || data.byteLength !== size) {
      data = new Uint8Array(size);
      buffers.set(role, data);
    }
    const planes = await sample.copyTo(data);
    // copyTo gives the visible rectangle, before any rotation or pixel-aspect correction.
    return { data, width: sample.visibleRect.width, height: sample.visibleRect.height, planes };
  };
  return {
    handles: (screen: VideoSample, camera: VideoSample | null) =>
      screen.format === 'I420' && (camera === null || camera.format === 'I420'),
    async compose(
      screen: VideoSample,
      camera: VideoSample | null,
      callouts: readonly PlannedCallout[],
      caption: CaptionOnFrame | null,
      timestamp: number,
    ): Promise<VideoFrame> {
      const [screenPixels, cameraPixels] = await Promise.all([
        copy(screen, 'screen'),
        camera ? copy(camera, 'camera') : null,
      ]);
      if (cameraPixels) blendBubble(screenPixels, cameraPixels);
      if (callouts.length > 0 || caption) blendOverlay(screenPixels, overlayFor(callouts, caption, screenPixels));
      // VideoFrame copies the pixels, so the buffer is free for the next frame as soon as this returns.
      return new VideoFrame(screenPixels.data, {
        format: 'I420',
        codedWidth: screenPixels.width,
        codedHeight: screenPixels.height,
        timestamp,
        layout: [...screenPixels.planes],
      });
    },
  };

  function blendBubble(screenPixels: I420Frame, cameraPixels: I420Frame): void {
    if (!plan.bubble) throw new Error('This render has no camera bubble');
    const key = `${screenPixels.width}x${screenPixels.height} ${cameraPixels.width}x${cameraPixels.height}`;
    let raster = rasters.get(key);
    if (!raster) {
      const frameSize = { width: screenPixels.width, height: screenPixels.height };
      raster = createBubbleRaster(bubbleRect(plan.bubble.layout, frameSize, plan.bubble.cameraAspect), frameSize, {
        width: cameraPixels.width,
        height: cameraPixels.height,
      });
      rasters.set(key, raster);
    }
    composeBubble(raster, screenPixels, cameraPixels);
  }
}

/** The decoded frame as it is, at its output time. toVideoFrame gives a frame of its own, closed here, not left to the collector. */
function retimed(screen: VideoSample, timestamp: number): VideoFrame {
  const decoded = screen.toVideoFrame();
  try {
    return new VideoFrame(decoded, { timestamp });
  } finally {
    decoded.close();
  }
}

/**
 * Half a second of the lesson's screen from its middle, drawn at the output size and timed as output frames: what an
 * encoder is tried on before a render trusts it (encoderChoice.ts). Half a second keeps the trial's RGBA frames to
 * about 120 MiB at 1080p. The caller closes the frames.
 */
export async function sampleLessonFrames(
  plan: RenderPlan,
  video: VideoPlan,
  screen: OpenedFile,
): Promise<VideoFrame[]> {
  const count = Math.round(video.frameRate / 2);
  const from = Math.max(0, Math.floor(video.frameCount / 2 - count / 2));
  const to = Math.min(video.frameCount, from + count);
  const canvas = new OffscreenCanvas(video.width, video.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw off screen');
  const frames: VideoFrame[] = [];
  const samples = new VideoSampleSink(await screen.video()).samplesAtTimestamps(
    timestampsFor(plan, video, video.screen.offsetMs, from, to),
  );
  let handedOver = false;
  try {
    for (let index = from; index < to; index += 1) {
      const sample = await next(samples);
      if (!sample) continue;
      try {
        sample.draw(context, 0, 0, video.width, video.height);
      } finally {
        sample.close();
      }
      frames.push(new VideoFrame(canvas, { timestamp: Math.round((index * 1_000_000) / video.frameRate) }));
    }
    await samples.return(undefined);
    if (frames.length === 0) throw new Error('The lesson has no frames to try an encoder on');
    handedOver = true;
    return frames;
  } finally {
    if (!handedOver) {
      for (const frame of frames) frame.close();
      await samples.return(undefined).catch(() => undefined);
    }
  }
}

/** The file time (s) each output frame from `from` to `to` samples; before a file's first frame this is negative and yields nothing. */
function* timestampsFor(
  plan: RenderPlan,
  video: VideoPlan,
  offsetMs: number,
  from = 0,
  to = video.frameCount,
): Generator<number> {
  for (let index = from; index < to; index += 1) {
    yield (sourceTimeOfFrame(plan.spans, plan.durationMs, video.frameRate, index) - offsetMs) / 1000;
  }
}

async function next(frames: AsyncGenerator<VideoSample | null>): Promise<VideoSample | null> {
  const result = await frames.next();
  return result.done ? null : result.value;
}
