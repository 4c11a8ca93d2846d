import type { VideoSample } from 'mediabunny';
import type { BubbleRect } from '@shared/editor/bubbleGeometry';
import type { RenderPlan } from '@shared/render/renderPlan';
import { calloutsAt } from '@shared/render/callouts';
import { within } from '@shared/render/frameTimes';
import { bubbleRingWidth, cameraCrop } from '@shared/render/bubbleRaster';
import { drawCallout } from '@player/ui/stage/drawCallout';
import { drawCaptionPage, type CaptionOnFrame } from './drawCaptions';

/**
 * Draws one output frame on a canvas (the slow way, for frames under a blur callout or not decoded as I420): the
 * screen scaled to the frame, the camera bubble where the layout puts it, burned-in callouts, then the caption page
 * showing (found by the caller, see createCaptionPages) over them all.
 */
export function createCompositor(plan: RenderPlan, canvas: OffscreenCanvas) {
  const context = canvas.getContext('2d', { alpha: false, desynchronized: true });
  if (!context) throw new Error('This browser cannot draw video frames off screen');
  const ctx: OffscreenCanvasRenderingContext2D = context;
  const { width, height } = canvas;

  return (lessonMs: number, screen: VideoSample | null, camera: VideoSample | null, caption: CaptionOnFrame | null) => {
    if (screen) screen.draw(ctx, 0, 0, width, height);
    else {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, width, height);
    }
    if (camera && plan.bubble && within(plan.bubble.shown, lessonMs)) drawBubbleAt(ctx, camera, plan.bubble.rect);
    for (const callout of calloutsAt(plan.callouts, lessonMs)) drawCallout(ctx, callout, canvas, canvas);
    if (caption) drawCaptionPage(ctx, caption);
  };
}

/** The camera fills its bubble (cropped to the bubble's shape, centred), clipped to a circle or a rounded box, with a light ring. */
export function drawBubbleAt(ctx: OffscreenCanvasRenderingContext2D, camera: VideoSample, rect: BubbleRect): void {
  const crop = cameraCrop(rect, { width: camera.displayWidth, height: camera.displayHeight });
  const ring = bubbleRingWidth(rect);
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(rect.x, rect.y, rect.width, rect.height, rect.radius);
  ctx.clip();
  camera.draw(ctx, crop.x, crop.y, crop.width, crop.height, rect.x, rect.y, rect.width, rect.height);
  ctx.lineWidth = ring * 2;
  ctx.strokeStyle = 'rgb(255 255 255 / 0.9)';
  ctx.stroke();
  ctx.restore();
}
