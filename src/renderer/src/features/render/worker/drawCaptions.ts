import type { TimedText } from '@shared/captions/model';
import type { RenderPlan } from '@shared/render/renderPlan';
import { cueAt } from '@shared/render/burnedCaptions';
import { within } from '@shared/render/frameTimes';
import {
  CAPTION_BOX_COLOR,
  CAPTION_TEXT_COLOR,
  layoutCaption,
  pageAt,
  type CaptionLayout,
} from '@shared/render/captionLayout';

/**
 * Draws the burned-in caption showing at a lesson time, if any. Cue text is only ever drawn as text (fillText), never
 * read as markup. Each cue is laid out once per bubble state: a cue lasts many frames.
 */
export function createCaptionDrawer(plan: RenderPlan, ctx: OffscreenCanvasRenderingContext2D) {
  const frame = { width: ctx.canvas.width, height: ctx.canvas.height };
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

  return {
    /** Whether a caption shows at `lessonMs`: a frame without one can skip the canvas. */
    shows: (lessonMs: number) => plan.captions !== null && cueAt(plan.captions.cues, lessonMs) !== null,
    draw(lessonMs: number): void {
      const cue = plan.captions ? cueAt(plan.captions.cues, lessonMs) : null;
      if (!cue) return;
      const layout = layoutOf(cue, plan.bubble !== null && within(plan.bubble.shown, lessonMs));
      if (!layout) return;
      const page = pageAt(layout, cue, lessonMs);
      ctx.save();
      ctx.fillStyle = CAPTION_BOX_COLOR;
      ctx.beginPath();
      ctx.roundRect(page.box.x, page.box.y, page.box.width, page.box.height, layout.radius);
      ctx.fill();
      ctx.font = layout.font;
      ctx.fillStyle = CAPTION_TEXT_COLOR;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const line of page.lines) ctx.fillText(line.text, line.x, line.y);
      ctx.restore();
    },
  };
}
