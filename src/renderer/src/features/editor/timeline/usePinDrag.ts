import { useRef, useState, type PointerEvent } from 'react';

/** Below this many pixels a press is a click, not a drag. */
const DRAG_PX = 3;

interface Pin {
  readonly id: string;
  readonly lessonMs: number;
}

interface PinDragOptions<T extends Pin> {
  pxPerMs: number;
  /** After a drag: the lesson time the pin was dropped at. */
  onDrop: (pin: T, lessonMs: number) => void;
  /** A press that did not move. */
  onClick: (pin: T) => void;
  /** Ignore the right and middle buttons (a context click must not start a drag). */
  primaryButtonOnly?: boolean;
}

/**
 * Dragging a pin (key-moment flag, question pin) along a timeline lane: the pin follows the pointer as an offset
 * while held and reports one drop, so a drag is one change and one undo step.
 */
export function usePinDrag<T extends Pin>({ pxPerMs, onDrop, onClick, primaryButtonOnly = false }: PinDragOptions<T>) {
  const drag = useRef<{ id: string; x: number; moved: boolean } | null>(null);
  const [dragX, setDragX] = useState<{ id: string; dx: number } | null>(null);

  return {
    /** How far the pin is shown from its place while it is being dragged. */
    offsetOf: (id: string): number => (dragX?.id === id ? dragX.dx : 0),
    handlersFor: (pin: T) => ({
      onPointerDown: (event: PointerEvent) => {
        event.stopPropagation();
        if (primaryButtonOnly && event.button !== 0) return;
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        drag.current = { id: pin.id, x: event.clientX, moved: false };
      },
      onPointerMove: (event: PointerEvent) => {
        const current = drag.current;
        if (!current) return;
        const dx = event.clientX - current.x;
        if (Math.abs(dx) > DRAG_PX) current.moved = true;
        if (current.moved) setDragX({ id: current.id, dx });
      },
      onPointerUp: (event: PointerEvent) => {
        const current = drag.current;
        drag.current = null;
        setDragX(null);
        if (current?.moved) onDrop(pin, pin.lessonMs + (event.clientX - current.x) / pxPerMs);
        else if (current) onClick(pin);
      },
    }),
  };
}
