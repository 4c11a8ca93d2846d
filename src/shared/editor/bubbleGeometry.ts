import type { CameraLayout } from './document';

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

/** The bubble in frame pixels; `radius` rounds its corners (half the width makes a circle). */
export interface BubbleRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly radius: number;
}

/** Space between a corner bubble and the frame's edges, as a fraction of the frame's width. */
export const BUBBLE_MARGIN = 0.025;
/** A rounded bubble shows the camera's own picture shape; this is assumed when it is not known. */
export const DEFAULT_CAMERA_ASPECT = 16 / 9;

/**
 * Where the camera bubble is drawn on a frame of `frame` pixels. The preview overlay and the render both call
 * this, so what the teacher places is what learners see. A circle is square; a rounded box has the camera's
 * aspect. The bubble never leaves the frame and is shrunk if the frame is too short for it.
 */
export function bubbleRect(layout: CameraLayout, frame: FrameSize, cameraAspect = DEFAULT_CAMERA_ASPECT): BubbleRect {
  const margin = Math.round(BUBBLE_MARGIN * frame.width);
  let width = layout.size * frame.width;
  let height = layout.shape === 'circle' ? width : width / cameraAspect;
  const room = Math.max(1, frame.height - 2 * margin);
  if (height > room) {
    width *= room / height;
    height = room;
  }
  width = Math.round(width);
  height = Math.round(height);
  const maxX = Math.max(0, frame.width - width);
  const maxY = Math.max(0, frame.height - height);
  let x: number;
  let y: number;
  if (layout.placement.kind === 'corner') {
    const { corner } = layout.placement;
    x = corner.endsWith('left') ? margin : maxX - margin;
    y = corner.startsWith('top') ? margin : maxY - margin;
  } else {
    x = Math.round(layout.placement.x * frame.width);
    y = Math.round(layout.placement.y * frame.height);
  }
  x = Math.min(Math.max(x, 0), maxX);
  y = Math.min(Math.max(y, 0), maxY);
  const radius = layout.shape === 'circle' ? width / 2 : Math.round(Math.min(width, height) * 0.12);
  return { x, y, width, height, radius };
}

/** Whether the bubble shows at a source time: it is hidden inside the layout's hidden ranges. */
export function bubbleVisibleAt(layout: CameraLayout, sourceMs: number): boolean {
  return !layout.hidden.some((range) => range.start <= sourceMs && sourceMs < range.end);
}
