import type { FrameSize } from '@shared/editor/bubbleGeometry';
import type { TimedText } from '@shared/captions/model';
import type { RenderPlan } from '@shared/render/renderPlan';
import type { CaptionShown } from '@shared/render/overlayKey';
import { cueAt } from '@shared/render/burnedCaptions';
import { within } from '@shared/render/frameTimes';
import {
  CAPTION_BOX_COLOR,
  CAPTION_TEXT_COLOR,
  layoutCaption,
  pageAt,
  type CaptionLayout,
  type CaptionPage,
} from '@shared/render/captionLayout';

/** The caption page showing on a frame, laid out in output pixels, with what names it in the overlay's key. */
export interface CaptionOnFrame extends CaptionShown {
  readonly layout: CaptionLayout;
  readonly shown: CaptionPage;
}

/**
 * Finds the burned-in caption page showing at a lesson time, if any, laid out on the output frame (measured with
 * `ctx`'s measureText in the caption font). Each cue is laid out once per bubble state: a cue lasts many frames.
 */
export function createCaptionPages(plan: RenderPlan, frame: FrameSize, ctx: OffscreenCanvasRenderingContext2D) {
  const cues = plan.captions?.cues ?? [];
  const places = new Map(cues.map((cue, index) => [cue, index]));
  const layouts = new Map<TimedText, { withBubble?: CaptionLayout | null; plain?: CaptionLayout | null }>();
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layoutOf = (cue: TimedText, bubbleShown: boolean): CaptionLayout | null => {
    const known = layouts.get(cue) ?? {};
    const slot = bubbleShown ? 'withBubble' : 'plain';
    let made = known[slot];
    if (made === undefined) {
      made = layoutCaption(cue.text, frame, measure, bubbleShown && plan.bubble ? plan.bubble.rect : null);
      layouts.set(cue, { ...known, [slot]: made });
    }
    return made;
  };
  return (lessonMs: number): CaptionOnFrame | null => {
    const cue = cueAt(cues, lessonMs);
    if (!cue) return null;
    const aboveBubble = plan.bubble !== null && within(plan.bubble.shown, lessonMs);
    const layout = layoutOf(cue, aboveBubble);
    if (!layout) return null;
    const shown = pageAt(layout, cue, lessonMs);
    return { cue: places.get(cue) ?? -1, page: layout.pages.indexOf(shown), aboveBubble, layout, shown };
  };
}

/** Draws one caption page: its dark box, then its lines. Cue text is only ever drawn as text (fillText), never read as markup. */
export function drawCaptionPage(ctx: OffscreenCanvasRenderingContext2D, caption: CaptionOnFrame): void {
  const { layout, shown } = caption;
  ctx.save();
  ctx.fillStyle = CAPTION_BOX_COLOR;
  ctx.beginPath();
  ctx.roundRect(shown.box.x, shown.box.y, shown.box.width, shown.box.height, layout.radius);
  ctx.fill();
  ctx.font = layout.font;
  ctx.fillStyle = CAPTION_TEXT_COLOR;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const line of shown.lines) ctx.fillText(line.text, line.x, line.y);
  ctx.restore();
}
