import type { VideoSample } from 'mediabunny';
import type { BubbleRect } from '../../../../../shared/editor/bubbleGeometry';

/**
 * Draws the camera into a bubble-sized canvas (cropped to fill it, clipped to its shape, with its ring) and reads
 * the pixels back; the alpha of the edge is the clip's anti-aliasing. Only the bubble is drawn, never the screen.
 */
export function createBubbleLayer(rect: BubbleRect) {
  const canvas = new OffscreenCanvas(Math.max(1, rect.width), Math.max(1, rect.height));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw video frames off screen');
  const ctx: OffscreenCanvasRenderingContext2D = context;
  return function draw(camera: VideoSample): ImageData {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    drawBubbleAt(ctx, camera, { ...rect, x: 0, y: 0 });
    return ctx.getImageData(0, 0, canvas.width, canvas.height);
  };
}

/** The camera fills its bubble (cropped to the bubble's shape, centred), clipped to a circle or a rounded box, with a light ring. */
export function drawBubbleAt(ctx: OffscreenCanvasRenderingContext2D, camera: VideoSample, rect: BubbleRect): void {
  const targetAspect = rect.width / rect.height;
  let sw = camera.displayWidth;
  let sh = camera.displayHeight;
  if (sw / sh > targetAspect) sw = sh * targetAspect;
  else sh = sw / targetAspect;
  const sx = (camera.displayWidth - sw) / 2;
  const sy = (camera.displayHeight - sh) / 2;
  const ring = Math.max(2, rect.width / 60);
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(rect.x, rect.y, rect.width, rect.height, rect.radius);
  ctx.clip();
  camera.draw(ctx, sx, sy, sw, sh, rect.x, rect.y, rect.width, rect.height);
  ctx.lineWidth = ring * 2;
  ctx.strokeStyle = 'rgb(255 255 255 / 0.9)';
  ctx.stroke();
  ctx.restore();
}
