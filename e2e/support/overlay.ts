import type { Locator } from '@playwright/test';

/** A callout's box in fractions of the picture, as the document and lesson.json keep it. */
export interface FractionBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The opacity (0–255) the player's overlay canvas has at the middle of `box`: 0 where no callout is drawn. */
export function drawnAt(canvas: Locator, box: FractionBox): Promise<number> {
  return canvas.evaluate((element, b) => {
    const drawn = element as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const x = Math.round((b.x + b.w / 2) * drawn.width);
    const y = Math.round((b.y + b.h / 2) * drawn.height);
    return drawn.getContext('2d').getImageData(x, y, 1, 1).data[3] ?? 0;
  }, box);
}
