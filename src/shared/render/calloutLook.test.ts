import { describe, expect, it } from 'vitest';
import { arrowShape, calloutMetrics, layoutCalloutText, wrapText } from './calloutLook';

/** Every character 10 px wide: widths are easy to reason about. */
const measure = (text: string) => text.length * 10;

describe('callout text layout, shared by the render, the player and the editor', () => {
  const metrics = { ...calloutMetrics(720), padding: 10, fontSize: 20, lineHeight: 25 };

  it('centres each line in the box and the block in its height, as the editor shows it', () => {
    const lines = layoutCalloutText({ x: 100, y: 50, w: 200, h: 100 }, 'Gravity', metrics, measure);
    expect(lines).toEqual([{ text: 'Gravity', x: 200, y: 100 }]);
  });

  it('wraps to the box less its padding, keeps the teacher’s line breaks, and starts an overflowing block at the top', () => {
    expect(wrapText('one two three four', 90, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('first\nsecond line', 500, measure)).toEqual(['first', 'second line']);
    expect(wrapText('   ', 100, measure)).toEqual([]);
    const lines = layoutCalloutText({ x: 0, y: 0, w: 110, h: 40 }, 'one two three four', metrics, measure);
    expect(lines.map((line) => line.text)).toEqual(['one two', 'three', 'four']);
    expect(lines[0]?.y).toBe(10 + 12.5);
  });

  it('scales with the frame, never below readable text', () => {
    expect(calloutMetrics(1440).fontSize).toBe(52);
    expect(calloutMetrics(100).fontSize).toBe(12);
  });

  it('draws an arrow from its tail to its head, and nothing for one too short to see', () => {
    const shape = arrowShape({ x: 0, y: 0, w: 100, h: 0 }, calloutMetrics(720));
    expect(shape?.tail).toEqual({ x: 0, y: 0 });
    expect(shape?.head[0]).toEqual({ x: 100, y: 0 });
    expect(shape?.shaftEnd.x).toBeLessThan(100);
    expect(arrowShape({ x: 5, y: 5, w: 0.1, h: 0.1 }, calloutMetrics(720))).toBeNull();
  });
});
