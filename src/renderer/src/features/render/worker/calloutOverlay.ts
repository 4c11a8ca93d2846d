import type { FrameSize } from '@shared/editor/bubbleGeometry';
import type { PlannedCallout } from '@shared/render/callouts';
import { rgbaOverlay, type RgbaOverlay } from '@shared/render/overlayBlend';
import { overlayKey } from '@shared/render/overlayKey';
import { drawCallout } from '@player/ui/stage/drawCallout';
import { drawCaptionPage, type CaptionOnFrame } from './drawCaptions';

/**
 * Burned-in callouts and the burned-in caption page as RGBA pixels at the decoded frame's own size, to be blended into
 * its I420 pixels. Both look the same for as long as they show, so the overlay is drawn (shapes and text only, never a
 * video frame) and read back once each time what shows changes (overlayKey), not once a frame.
 */
export function createCalloutOverlay(output: FrameSize) {
  let key = '';
  let overlay: RgbaOverlay | null = null;
  return function overlayFor(
    callouts: readonly PlannedCallout[],
    caption: CaptionOnFrame | null,
    frame: FrameSize,
  ): RgbaOverlay {
    const wanted = overlayKey(frame, callouts, caption);
    if (overlay && wanted === key) return overlay;
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw callouts off screen');
    // Callouts and captions are placed in output pixels; the decoded frame may be another size (the encoder scales it).
    context.scale(frame.width / output.width, frame.height / output.height);
    for (const callout of callouts) drawCallout(context, callout, output, null);
    // Over the callouts, as on the canvas path.
    if (caption) drawCaptionPage(context, caption);
    overlay = rgbaOverlay(context.getImageData(0, 0, frame.width, frame.height).data, frame.width, frame.height);
    key = wanted;
    return overlay;
  };
}
