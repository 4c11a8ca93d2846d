import { useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { BubbleRect, FrameSize } from '@shared/editor/bubbleGeometry';

/** A free position of the bubble's top-left corner, as fractions of the frame. */
export interface BubblePoint {
  readonly x: number;
  readonly y: number;
}

/** The bubble's top-left corner as fractions, kept where the whole bubble stays inside the frame. */
export function clampBubble(point: BubblePoint, bubble: BubbleRect, frame: FrameSize): BubblePoint {
  const maxX = Math.max(0, (frame.width - bubble.width) / frame.width);
  const maxY = Math.max(0, (frame.height - bubble.height) / frame.height);
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return { x: round(Math.min(Math.max(point.x, 0), maxX)), y: round(Math.min(Math.max(point.y, 0), maxY)) };
}

/**
 * Drags the camera bubble with the pointer: it follows as a draft and one placement is committed when the pointer
 * is let go, so a drag is one undo step.
 */
export function useBubbleDrag(
  frameEl: RefObject<HTMLElement | null>,
  bubble: BubbleRect,
  frame: FrameSize,
  onCommit: (point: BubblePoint) => void,
) {
  const [draft, setDraft] = useState<BubblePoint | null>(null);
  const start = useRef<{ x: number; y: number; width: number; height: number; from: BubblePoint } | null>(null);

  const pointAt = (event: ReactPointerEvent): BubblePoint | null => {
    const from = start.current;
    if (!from) return null;
    const moved = {
      x: from.from.x + (event.clientX - from.x) / from.width,
      y: from.from.y + (event.clientY - from.y) / from.height,
    };
    return clampBubble(moved, bubble, frame);
  };

  const handlers = {
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
      const rect = frameEl.current?.getBoundingClientRect();
      if (!rect || event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.focus();
      event.currentTarget.setPointerCapture(event.pointerId);
      start.current = {
        x: event.clientX,
        y: event.clientY,
        width: rect.width,
        height: rect.height,
        from: { x: bubble.x / frame.width, y: bubble.y / frame.height },
      };
    },
    onPointerMove: (event: ReactPointerEvent) => {
      const point = pointAt(event);
      if (point) setDraft(point);
    },
    onPointerUp: (event: ReactPointerEvent) => {
      const point = pointAt(event);
      const moved = start.current !== null && (event.clientX !== start.current.x || event.clientY !== start.current.y);
      start.current = null;
      setDraft(null);
      if (point && moved) onCommit(point);
    },
    onPointerCancel: () => {
      start.current = null;
      setDraft(null);
    },
  };
  return { draft, handlers };
}
