import { useCallback, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Callout } from '@shared/editor/document';
import { fitBox, type CalloutBox } from '@shared/editor/commands';
import { deepEqual } from '@shared/editor/ordering';

/** What a pointer drag changes: the whole box, a corner of a box, or an end of an arrow. */
export type DragMode = 'move' | 'nw' | 'ne' | 'sw' | 'se' | 'tail' | 'head';

function dragged(box: CalloutBox, mode: DragMode, dx: number, dy: number): CalloutBox {
  switch (mode) {
    case 'move':
      return { ...box, x: box.x + dx, y: box.y + dy };
    case 'tail':
      return { x: box.x + dx, y: box.y + dy, w: box.w - dx, h: box.h - dy };
    case 'head':
      return { ...box, w: box.w + dx, h: box.h + dy };
    case 'nw':
      return { x: box.x + dx, y: box.y + dy, w: box.w - dx, h: box.h - dy };
    case 'ne':
      return { x: box.x, y: box.y + dy, w: box.w + dx, h: box.h - dy };
    case 'sw':
      return { x: box.x + dx, y: box.y, w: box.w - dx, h: box.h + dy };
    case 'se':
      return { ...box, w: box.w + dx, h: box.h + dy };
  }
}

/**
 * Drags a callout with the pointer: the box follows as a draft (no undo step per pixel) and one command is run
 * when the pointer is let go.
 */
export function useBoxDrag(
  frame: RefObject<HTMLElement | null>,
  callout: Callout,
  onCommit: (mode: DragMode, box: CalloutBox) => void,
) {
  const [draft, setDraft] = useState<CalloutBox | null>(null);
  const start = useRef<{ x: number; y: number; mode: DragMode; width: number; height: number } | null>(null);

  const begin = useCallback(
    (event: ReactPointerEvent, mode: DragMode) => {
      const rect = frame.current?.getBoundingClientRect();
      if (!rect || event.button !== 0) return;
      event.stopPropagation();
      event.preventDefault();
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      start.current = { x: event.clientX, y: event.clientY, mode, width: rect.width, height: rect.height };
    },
    [frame],
  );

  const boxAt = (event: ReactPointerEvent): CalloutBox | null => {
    const from = start.current;
    if (!from) return null;
    return fitBox(
      callout.kind,
      dragged(callout.box, from.mode, (event.clientX - from.x) / from.width, (event.clientY - from.y) / from.height),
    );
  };

  const handlers = {
    onPointerMove: (event: ReactPointerEvent) => {
      const box = boxAt(event);
      if (box) setDraft(box);
    },
    onPointerUp: (event: ReactPointerEvent) => {
      const box = boxAt(event);
      const mode = start.current?.mode;
      start.current = null;
      setDraft(null);
      if (box && mode && !deepEqual(box, callout.box)) onCommit(mode, box);
    },
    onPointerCancel: () => {
      start.current = null;
      setDraft(null);
    },
  };
  return { box: draft ?? callout.box, isDragging: draft !== null, begin, handlers };
}
