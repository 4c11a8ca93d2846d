import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hideCameraRange, mergeRanges, showCameraRange } from './cameraHidden';
import { blankDocument } from '../testDocuments.testkit';
import { DEFAULT_CAMERA_LAYOUT } from '../document';

const withHidden = (hidden: { start: number; end: number }[]) =>
  blankDocument({ layout: { ...DEFAULT_CAMERA_LAYOUT, hidden } });

describe('hideCameraRange', () => {
  it('adds a range, in order, leaving the rest of the layout alone', () => {
    const next = hideCameraRange.run(withHidden([{ start: 6_000, end: 7_000 }]), { start: 2_000, end: 4_000 });
    expect(next.layout).toEqual({
      ...DEFAULT_CAMERA_LAYOUT,
      hidden: [
        { start: 2_000, end: 4_000 },
        { start: 6_000, end: 7_000 },
      ],
    });
  });

  it('merges overlapping and touching ranges into one', () => {
    const doc = withHidden([
      { start: 1_000, end: 3_000 },
      { start: 5_000, end: 6_000 },
    ]);
    expect(hideCameraRange.run(doc, { start: 2_500, end: 5_000 }).layout.hidden).toEqual([
      { start: 1_000, end: 6_000 },
    ]);
  });

  it('takes the ends in either order and keeps them inside the take', () => {
    expect(hideCameraRange.run(blankDocument(), { start: 12_000, end: 8_000 }).layout.hidden).toEqual([
      { start: 8_000, end: 10_000 },
    ]);
  });

  it('changes nothing for an empty range', () => {
    const doc = blankDocument();
    expect(hideCameraRange.run(doc, { start: 3_000, end: 3_000 })).toBe(doc);
  });

  it('labels the step with the range', () => {
    expect(hideCameraRange.label(blankDocument(), { start: 2_000, end: 4_000 })).toBe('Hide camera 0:02.0–0:04.0');
  });
});

describe('showCameraRange', () => {
  it('removes a whole range', () => {
    expect(
      showCameraRange.run(withHidden([{ start: 2_000, end: 4_000 }]), { start: 2_000, end: 4_000 }).layout.hidden,
    ).toEqual([]);
  });

  it('splits a range around the part shown again', () => {
    const doc = withHidden([{ start: 1_000, end: 9_000 }]);
    expect(showCameraRange.run(doc, { start: 4_000, end: 5_000 }).layout.hidden).toEqual([
      { start: 1_000, end: 4_000 },
      { start: 5_000, end: 9_000 },
    ]);
  });

  it('undoes a hide over a clear stretch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 10_000 }), (a, length) => {
        const doc = blankDocument();
        const range = { start: a, end: Math.min(10_000, a + length) };
        expect(showCameraRange.run(hideCameraRange.run(doc, range), range).layout.hidden).toEqual([]);
      }),
    );
  });
});

describe('mergeRanges', () => {
  it('never leaves two ranges overlapping or out of order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 100 }), end: fc.integer({ min: 0, max: 100 }) })),
        (ranges) => {
          const merged = mergeRanges(ranges);
          merged.forEach((range, index) => {
            expect(range.start).toBeLessThan(range.end);
            if (index > 0) expect(range.start).toBeGreaterThan(merged[index - 1]!.end);
          });
        },
      ),
    );
  });
});
