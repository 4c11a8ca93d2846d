import type { FrameSize } from '@shared/editor/bubbleGeometry';
import type { PlannedCallout } from '@shared/render/callouts';
import {
  arrowShape,
  calloutMetrics,
  layoutCalloutText,
  CALLOUT_ACCENT,
  CALLOUT_HIGHLIGHT_FILL,
  CALLOUT_SHADOW,
  CALLOUT_TEXT_BACKGROUND,
  CALLOUT_TEXT_COLOR,
  type CalloutMetrics,
} from '@shared/render/calloutLook';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws one callout on a frame of `frame` pixels: the render burns it in with this, and the learner player draws it
 * over the video with this, so both look the same. A blur needs the picture under it: `picture` is drawn over the
 * whole frame through the blur filter, clipped to the callout (the render passes its own canvas, the player the video).
 */
export function drawCallout(
  ctx: Context,
  callout: PlannedCallout,
  frame: FrameSize,
  picture: CanvasImageSource | null,
): void {
  const metrics = calloutMetrics(frame.height);
  ctx.save();
  try {
    switch (callout.kind) {
      case 'blur':
        if (picture) drawBlur(ctx, callout, frame, picture, metrics);
        return;
      case 'highlight':
        ctx.fillStyle = CALLOUT_HIGHLIGHT_FILL;
        ctx.fillRect(callout.x, callout.y, callout.w, callout.h);
        ctx.lineWidth = metrics.highlightStroke;
        ctx.strokeStyle = CALLOUT_ACCENT;
        ctx.strokeRect(callout.x, callout.y, callout.w, callout.h);
        return;
      case 'arrow':
        drawArrow(ctx, callout, metrics);
        return;
      case 'text':
        drawText(ctx, callout, metrics);
        return;
    }
  } finally {
    ctx.restore();
  }
}

function drawBlur(
  ctx: Context,
  { x, y, w, h }: PlannedCallout,
  frame: FrameSize,
  picture: CanvasImageSource,
  metrics: CalloutMetrics,
): void {
  if (w < 1 || h < 1) return;
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.filter = `blur(${metrics.blurRadius}px)`;
  ctx.drawImage(picture, 0, 0, frame.width, frame.height);
}

function drawArrow(ctx: Context, callout: PlannedCallout, metrics: CalloutMetrics): void {
  const shape = arrowShape(callout, metrics);
  if (!shape) return;
  ctx.strokeStyle = CALLOUT_ACCENT;
  ctx.fillStyle = CALLOUT_ACCENT;
  ctx.lineWidth = metrics.arrowWidth;
  ctx.lineCap = 'round';
  ctx.shadowColor = CALLOUT_SHADOW;
  ctx.shadowBlur = metrics.shadowBlur;
  ctx.beginPath();
  ctx.moveTo(shape.tail.x, shape.tail.y);
  ctx.lineTo(shape.shaftEnd.x, shape.shaftEnd.y);
  ctx.stroke();
  const [tip, left, right] = shape.head;
  ctx.beginPath();
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(left.x, left.y);
  ctx.lineTo(right.x, right.y);
  ctx.closePath();
  ctx.fill();
}

function drawText(ctx: Context, callout: PlannedCallout, metrics: CalloutMetrics): void {
  const { x, y, w, h } = callout;
  ctx.fillStyle = CALLOUT_TEXT_BACKGROUND;
  ctx.beginPath();
  ctx.roundRect(x, y, Math.max(w, 1), Math.max(h, 1), metrics.cornerRadius);
  ctx.fill();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = CALLOUT_TEXT_COLOR;
  ctx.font = metrics.font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const line of layoutCalloutText(callout, callout.text, metrics, (text) => ctx.measureText(text).width))
    ctx.fillText(line.text, line.x, line.y);
}
