/**
 * How callouts look, as numbers and shapes: the render burns them in with these, the learner player draws them over
 * the video with these, and the editor shows them with these, so a callout is the same in all three. Sizes are set
 * for a 720-pixel-high frame and scale with the frame they are drawn on.
 */

export const CALLOUT_ACCENT = '#facc15';
export const CALLOUT_HIGHLIGHT_FILL = 'rgb(250 204 21 / 0.22)';
export const CALLOUT_TEXT_BACKGROUND = 'rgb(17 17 27 / 0.82)';
export const CALLOUT_TEXT_COLOR = '#ffffff';
export const CALLOUT_SHADOW = 'rgb(0 0 0 / 0.45)';

/** A box in pixels; for an arrow, (x, y) is the tail and (x + w, y + h) the head. */
export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface CalloutMetrics {
  readonly highlightStroke: number;
  readonly arrowWidth: number;
  readonly arrowHead: number;
  readonly shadowBlur: number;
  readonly blurRadius: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly padding: number;
  readonly cornerRadius: number;
  /** A CSS / canvas font shorthand. */
  readonly font: string;
}

/** Every size of the look on a frame `frameHeight` pixels high. Text never goes below 12 px, so it stays readable. */
export function calloutMetrics(frameHeight: number): CalloutMetrics {
  const scale = frameHeight / 720;
  const fontSize = Math.max(12, Math.round(26 * scale));
  return {
    highlightStroke: Math.max(2, 4 * scale),
    arrowWidth: Math.max(3, 6 * scale),
    arrowHead: 26 * scale,
    shadowBlur: 6 * scale,
    blurRadius: Math.max(6, Math.round(14 * scale)),
    fontSize,
    lineHeight: fontSize * 1.25,
    padding: 12 * scale,
    cornerRadius: 8 * scale,
    font: `600 ${fontSize}px system-ui, sans-serif`,
  };
}

/** One line of a text callout: `x` is its centre, `y` its middle (canvas `textBaseline = 'middle'`, CSS half-leading). */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/**
 * Where a text callout's words go: wrapped to the box less its padding, each line centred, the block centred in the
 * box. A block taller than the box starts at its top (the rest is clipped), so the first words always show.
 * `measure` gives a string's width in the metrics' font: the canvas's `measureText`, wherever it runs.
 */
export function layoutCalloutText(
  box: PixelBox,
  text: string,
  metrics: CalloutMetrics,
  measure: (text: string) => number,
): TextLine[] {
  const lines = wrapText(text, Math.max(box.w - 2 * metrics.padding, metrics.fontSize), measure);
  const room = box.h - 2 * metrics.padding;
  const top = box.y + metrics.padding + Math.max(0, (room - lines.length * metrics.lineHeight) / 2);
  return lines.map((line, index) => ({
    text: line,
    x: box.x + box.w / 2,
    y: top + (index + 0.5) * metrics.lineHeight,
  }));
}

/** Words onto lines no wider than `width`; the teacher's own line breaks are kept, an empty text has no lines. */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  if (text.trim() === '') return [];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure(candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export interface ArrowShape {
  readonly tail: Point;
  /** Where the shaft stops, inside the head, so its round cap never pokes through the tip. */
  readonly shaftEnd: Point;
  /** The head's triangle: the tip, then its two wings. */
  readonly head: readonly [Point, Point, Point];
}

/** An arrow from (x, y) to (x + w, y + h); null when it is too short to draw. */
export function arrowShape(box: PixelBox, metrics: CalloutMetrics): ArrowShape | null {
  const length = Math.hypot(box.w, box.h);
  if (length < 1) return null;
  const angle = Math.atan2(box.h, box.w);
  const head = Math.min(length * 0.5, metrics.arrowHead);
  const tip = { x: box.x + box.w, y: box.y + box.h };
  const back = (turn: number, distance: number) => ({
    x: tip.x - Math.cos(angle + turn) * distance,
    y: tip.y - Math.sin(angle + turn) * distance,
  });
  return {
    tail: { x: box.x, y: box.y },
    shaftEnd: back(0, head * 0.8),
    head: [tip, back(-0.45, head), back(0.45, head)],
  };
}
