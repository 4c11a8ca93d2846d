import type { VideoSample } from 'mediabunny';
import type { RenderPlan } from '../../../../../shared/render/renderPlan';
import { calloutsAt } from '../../../../../shared/render/callouts';
import { within } from '../../../../../shared/render/frameTimes';
import { drawBubbleAt } from './bubbleLayer';
import { drawCallout } from './drawCallouts';

/** Draws one output frame on a canvas (the slow way, for frames with burned-in callouts): the screen scaled to the frame, the camera bubble where the layout puts it, burned-in callouts. */
export function createCompositor(plan: RenderPlan, canvas: OffscreenCanvas) {
  const context = canvas.getContext('2d', { alpha: false, desynchronized: true });
  if (!context) throw new Error('This browser cannot draw video frames off screen');
  const ctx: OffscreenCanvasRenderingContext2D = context;
  const { width, height } = canvas;

  return function drawFrame(lessonMs: number, screen: VideoSample | null, camera: VideoSample | null): void {
    if (screen) screen.draw(ctx, 0, 0, width, height);
    else {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, width, height);
    }
    if (camera && plan.bubble && within(plan.bubble.shown, lessonMs)) drawBubbleAt(ctx, camera, plan.bubble.rect);
    for (const callout of calloutsAt(plan.callouts, lessonMs)) drawCallout(ctx, canvas, callout);
  };
}
