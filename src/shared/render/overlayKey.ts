import type { FrameSize } from '../editor/bubbleGeometry';

/** Which caption page shows on a frame: the cue (its place among the burned cues), its page, and whether it sits above the bubble. */
export interface CaptionShown {
  readonly cue: number;
  readonly page: number;
  readonly aboveBubble: boolean;
}

/**
 * What a render's overlay (burned-in callouts and caption, blended into each decoded frame) shows, as a string: equal
 * for two frames exactly when the same overlay serves both, so it is drawn and read back only when this changes
 * (a new callout, another caption page, the bubble moving the caption, another decoded frame size).
 */
export function overlayKey(
  frame: FrameSize,
  callouts: readonly { readonly id: string }[],
  caption: CaptionShown | null,
): string {
  const shown = caption ? `${String(caption.cue)}.${String(caption.page)}${caption.aboveBubble ? '^' : ''}` : '-';
  return `${String(frame.width)}x${String(frame.height)} ${shown} ${callouts.map((callout) => callout.id).join(' ')}`;
}
