import { describe, expect, it } from 'vitest';
import {
  CAPTION_BOX_ALPHA,
  CAPTION_MAX_LINES,
  CAPTION_TEXT_COLOR,
  layoutCaption,
  pageAt,
  type CaptionLayout,
} from './captionLayout';

const frame = { width: 1280, height: 720 };
/** A monospaced stand-in for measureText: each character half the font's size wide. */
const measure = (text: string, font: string) => text.length * Number(/(\d+)px/.exec(font)?.[1] ?? '0') * 0.5;

function layout(text: string, bubble: Parameters<typeof layoutCaption>[3] = null): CaptionLayout {
  const made = layoutCaption(text, frame, measure, bubble);
  if (!made) throw new Error('no layout');
  return made;
}

/** WCAG relative luminance of an sRGB channel triple (0–255). */
function luminance([r, g, b]: readonly number[]): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
}
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
};

describe('layoutCaption', () => {
  it('sets a short cue on one line, centred in the bottom of the frame, at a size relative to the frame', () => {
    const { fontSize, pages } = layout('Momentum is conserved');
    expect(fontSize).toBe(36);
    expect(layoutCaption('Momentum is conserved', { width: 640, height: 360 }, measure, null)?.fontSize).toBe(18);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page.lines.map((line) => line.text)).toEqual(['Momentum is conserved']);
    expect(page.box.x + page.box.width / 2).toBeCloseTo(frame.width / 2, 0);
    // In the title-safe area: above the bottom margin, and in the bottom fifth of the picture.
    expect(page.box.y + page.box.height).toBeLessThanOrEqual(frame.height * 0.92);
    expect(page.box.y).toBeGreaterThan(frame.height * 0.75);
    // The box holds its text.
    expect(page.box.width).toBeGreaterThanOrEqual(measure('Momentum is conserved', '600 36px x'));
  });

  it('wraps by measured width inside the side margins, two lines at most', () => {
    const text = 'A force applied for a time changes the momentum of a body by exactly the impulse it receives';
    const { pages } = layout(text);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page.lines).toHaveLength(2);
    expect(page.lines.map((line) => line.text).join(' ')).toBe(text);
    expect(page.box.x).toBeGreaterThanOrEqual(frame.width * 0.1);
    expect(page.box.x + page.box.width).toBeLessThanOrEqual(frame.width * 0.9);
    expect(page.lines[1]?.y ?? 0).toBeGreaterThan(page.lines[0]?.y ?? 0);
  });

  it('sets a long cue smaller first, then in pages shown one after another, losing no word', () => {
    const medium = 'word '.repeat(26).trim();
    expect(layout(medium).fontSize).toBeLessThan(36);
    expect(layout(medium).pages).toHaveLength(1);
    const long = Array.from({ length: 60 }, (_, index) => `w${String(index)}`).join(' ');
    const made = layout(long);
    expect(made.fontSize).toBe(28);
    expect(made.pages.length).toBeGreaterThan(1);
    for (const page of made.pages) expect(page.lines.length).toBeLessThanOrEqual(CAPTION_MAX_LINES);
    expect(made.pages.flatMap((page) => page.lines.map((line) => line.text)).join(' ')).toBe(long);
    const cue = { start: 1_000, end: 5_000 };
    expect(pageAt(made, cue, 1_000)).toBe(made.pages[0]);
    expect(pageAt(made, cue, 4_999)).toBe(made.pages.at(-1));
  });

  it('keeps the teacher’s line break', () => {
    expect(layout('First\nSecond').pages[0].lines.map((line) => line.text)).toEqual(['First', 'Second']);
  });

  it('moves above a camera bubble at the bottom centre, and ignores one in a corner', () => {
    const plain = layout('Momentum is conserved').pages[0].box;
    const centre = { x: 540, y: 500, width: 200, height: 200, radius: 100 };
    const above = layout('Momentum is conserved', centre).pages[0].box;
    expect(above.y + above.height).toBeLessThanOrEqual(centre.y);
    expect(above.x).toBe(plain.x);
    const corner = { x: 1060, y: 500, width: 200, height: 200, radius: 100 };
    expect(layout('Momentum is conserved', corner).pages[0].box).toEqual(plain);
  });

  it('has nothing to draw for an empty cue', () => {
    expect(layoutCaption('  ', frame, measure, null)).toBeNull();
  });

  it('keeps its text readable on the box over the brightest and darkest picture (WCAG AAA, 7:1)', () => {
    const text = [Number.parseInt(CAPTION_TEXT_COLOR.slice(1, 3), 16), 255, 255];
    for (const backdrop of [255, 0]) {
      const box = backdrop * (1 - CAPTION_BOX_ALPHA);
      expect(contrast(text, [box, box, box])).toBeGreaterThanOrEqual(7);
    }
  });
});
