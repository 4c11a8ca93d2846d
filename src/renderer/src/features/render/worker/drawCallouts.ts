import type { PlannedCallout } from '@shared/render/callouts';

type Context = OffscreenCanvasRenderingContext2D;

const ACCENT = '#facc15';
const TEXT_BG = 'rgb(17 17 27 / 0.82)';

/** Burns one callout into the frame; blur reads back what is already drawn, so blurs come first (the plan orders them). */
export function drawCallout(ctx: Context, canvas: OffscreenCanvas, callout: PlannedCallout): void {
  const scale = canvas.height / 720;
  switch (callout.kind) {
    case 'blur':
      return drawBlur(ctx, canvas, callout, scale);
    case 'highlight':
      ctx.save();
      ctx.fillStyle = 'rgb(250 204 21 / 0.22)';
      ctx.fillRect(callout.x, callout.y, callout.w, callout.h);
      ctx.lineWidth = Math.max(2, 4 * scale);
      ctx.strokeStyle = ACCENT;
      ctx.strokeRect(callout.x, callout.y, callout.w, callout.h);
      ctx.restore();
      return;
    case 'arrow':
      return drawArrow(ctx, callout, scale);
    case 'text':
      return drawText(ctx, callout, scale);
  }
}

function drawBlur(ctx: Context, canvas: OffscreenCanvas, { x, y, w, h }: PlannedCallout, scale: number): void {
  if (w < 1 || h < 1) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.filter = `blur(${Math.max(6, Math.round(14 * scale))}px)`;
  // Drawing the canvas onto itself through the filter blurs just the clipped region.
  ctx.drawImage(canvas, 0, 0);
  ctx.restore();
}

function drawArrow(ctx: Context, { x, y, w, h }: PlannedCallout, scale: number): void {
  const length = Math.hypot(w, h);
  if (length < 1) return;
  const angle = Math.atan2(h, w);
  const head = Math.min(length * 0.5, 26 * scale);
  ctx.save();
  ctx.strokeStyle = ACCENT;
  ctx.fillStyle = ACCENT;
  ctx.lineWidth = Math.max(3, 6 * scale);
  ctx.lineCap = 'round';
  ctx.shadowColor = 'rgb(0 0 0 / 0.45)';
  ctx.shadowBlur = 6 * scale;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w - Math.cos(angle) * head * 0.8, y + h - Math.sin(angle) * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x + w, y + h);
  ctx.lineTo(x + w - Math.cos(angle - 0.45) * head, y + h - Math.sin(angle - 0.45) * head);
  ctx.lineTo(x + w - Math.cos(angle + 0.45) * head, y + h - Math.sin(angle + 0.45) * head);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

function drawText(ctx: Context, { x, y, w, h, text }: PlannedCallout, scale: number): void {
  const pad = 12 * scale;
  const fontSize = Math.max(12, Math.round(26 * scale));
  ctx.save();
  ctx.fillStyle = TEXT_BG;
  ctx.beginPath();
  ctx.roundRect(x, y, Math.max(w, 1), Math.max(h, 1), 8 * scale);
  ctx.fill();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 ${fontSize}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  const lines = wrap(ctx, text, Math.max(w - 2 * pad, fontSize));
  lines.forEach((line, index) => ctx.fillText(line, x + pad, y + pad + index * fontSize * 1.25));
  ctx.restore();
}

function wrap(ctx: Context, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(candidate).width > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}
