import type { FrameSize } from '@shared/editor/bubbleGeometry';
import type { PlannedCallout } from '@shared/render/callouts';
import { rgbaOverlay, type RgbaOverlay } from '@shared/render/overlayBlend';
import { drawCallout } from '@player/ui/stage/drawCallout';

/**
 * Burned-in callouts as RGBA pixels at the decoded frame's own size, to be blended into its I420 pixels. A callout
 * looks the same for as long as it shows, so the overlay is drawn (shapes and text only, never a video frame) and read
 * back once each time the set of callouts showing changes, not once a frame.
 */
export function createCalloutOverlay(output: FrameSize) {
  let key = '';
  let overlay: RgbaOverlay | null = null;
  return function overlayFor(callouts: readonly PlannedCallout[], frame: FrameSize): RgbaOverlay {
    const wanted = `${frame.width}x${frame.height} ${callouts.map((callout) => callout.id).join(' ')}`;
    if (overlay && wanted === key) return overlay;
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw callouts off screen');
    // Callouts are placed in output pixels; the decoded frame may be another size (the encoder scales it).
    context.scale(frame.width / output.width, frame.height / output.height);
    for (const callout of callouts) drawCallout(context, callout, output, null);
    overlay = rgbaOverlay(context.getImageData(0, 0, frame.width, frame.height).data, frame.width, frame.height);
    key = wanted;
    return overlay;
  };
}
