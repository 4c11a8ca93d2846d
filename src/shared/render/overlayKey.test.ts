import { describe, expect, it } from 'vitest';
import { overlayKey, type CaptionShown } from './overlayKey';

const frame = { width: 640, height: 360 };
const first = { id: 'a' };
const second = { id: 'b' };
const page = (cue: number, index: number, aboveBubble = false): CaptionShown => ({ cue, page: index, aboveBubble });

describe('overlayKey', () => {
  it('stays the same while the same callouts and caption page show, so the overlay is not redrawn', () => {
    expect(overlayKey(frame, [first], page(2, 0))).toBe(overlayKey({ ...frame }, [{ id: 'a' }], page(2, 0)));
    expect(overlayKey(frame, [], null)).toBe(overlayKey(frame, [], null));
  });

  it('changes when the caption page changes: another page of a cue, another cue, none, or moved above the bubble', () => {
    const base = overlayKey(frame, [first], page(2, 0));
    expect(overlayKey(frame, [first], page(2, 1))).not.toBe(base);
    expect(overlayKey(frame, [first], page(3, 0))).not.toBe(base);
    expect(overlayKey(frame, [first], null)).not.toBe(base);
    expect(overlayKey(frame, [first], page(2, 0, true))).not.toBe(base);
    // Cue 1 page 12 and cue 11 page 2 are different pages.
    expect(overlayKey(frame, [], page(1, 12))).not.toBe(overlayKey(frame, [], page(11, 2)));
  });

  it('changes when the set of callouts showing changes, and not for a caption alone', () => {
    const base = overlayKey(frame, [first], page(0, 0));
    expect(overlayKey(frame, [first, second], page(0, 0))).not.toBe(base);
    expect(overlayKey(frame, [second], page(0, 0))).not.toBe(base);
    expect(overlayKey(frame, [], page(0, 0))).not.toBe(base);
  });

  it('changes with the decoded frame’s size, which the overlay is drawn at', () => {
    expect(overlayKey({ width: 1280, height: 720 }, [first], null)).not.toBe(overlayKey(frame, [first], null));
  });
});
