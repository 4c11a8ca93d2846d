import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import type { Callout } from '@shared/editor/document';
import type { CalloutBox } from '@shared/editor/commands';
import { useBoxDrag, type DragMode } from './useBoxDrag';
import { arrowNudge } from '../../../lib/arrowNudge';

interface CalloutShapeProps {
  callout: Callout;
  frame: RefObject<HTMLElement | null>;
  frameSize: { width: number; height: number };
  isSelected: boolean;
  onSelect: () => void;
  onMove: (x: number, y: number) => void;
  onResize: (box: CalloutBox) => void;
}

const pct = (fraction: number) => `${fraction * 100}%`;
const NUDGE = 0.01;
const KIND_NAMES = { text: 'Text', arrow: 'Arrow', highlight: 'Highlight', blur: 'Blur' } as const;

/** One callout over the frame: drawn as learners will see it, and movable by pointer or arrow keys when selected. */
export function CalloutShape({ callout, frame, frameSize, isSelected, onSelect, onMove, onResize }: CalloutShapeProps) {
  const drag = useBoxDrag(frame, callout, (mode, box) => (mode === 'move' ? onMove(box.x, box.y) : onResize(box)));
  const { box } = drag;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? NUDGE * 10 : NUDGE;
    const delta = arrowNudge(event.key, step);
    if (!delta) return;
    event.preventDefault();
    event.stopPropagation();
    onMove(callout.box.x + delta.dx, callout.box.y + delta.dy);
  };

  const label = `${KIND_NAMES[callout.kind]} callout${callout.text ? ` “${callout.text}”` : ''}${isSelected ? ', selected: arrow keys move it' : ''}`;
  const common = {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    'aria-pressed': isSelected,
    onKeyDown,
    onFocus: onSelect,
    onPointerDown: (event: PointerEvent) => {
      onSelect();
      drag.begin(event, 'move');
    },
    ...drag.handlers,
  };
  const handle = (mode: DragMode, x: number, y: number) => (
    <span
      key={mode}
      className={`callout-handle callout-handle-${mode}`}
      style={{ left: pct(x), top: pct(y) }}
      onPointerDown={(event) => drag.begin(event, mode)}
      {...drag.handlers}
      aria-hidden="true"
    />
  );

  if (callout.kind === 'arrow') {
    const { width, height } = frameSize;
    const [x1, y1, x2, y2] = [box.x * width, box.y * height, (box.x + box.w) * width, (box.y + box.h) * height];
    const angle = Math.atan2(y2 - y1, x2 - x1);
    const head = Math.max(10, width * 0.02);
    const wing = (side: number) =>
      `${x2 - head * Math.cos(angle + side * 0.45)},${y2 - head * Math.sin(angle + side * 0.45)}`;
    return (
      <>
        <svg className={`callout callout-arrow${isSelected ? ' is-selected' : ''}`} viewBox={`0 0 ${width} ${height}`}>
          <line className="callout-arrow-hit" x1={x1} y1={y1} x2={x2} y2={y2} {...common} />
          <line
            className="callout-arrow-line"
            x1={x1}
            y1={y1}
            x2={x2}
            y2={y2}
            strokeWidth={Math.max(3, width * 0.005)}
            aria-hidden="true"
          />
          <polygon className="callout-arrow-head" points={`${x2},${y2} ${wing(1)} ${wing(-1)}`} aria-hidden="true" />
        </svg>
        {isSelected && [handle('tail', box.x, box.y), handle('head', box.x + box.w, box.y + box.h)]}
      </>
    );
  }

  return (
    <div
      className={`callout callout-${callout.kind}${isSelected ? ' is-selected' : ''}`}
      style={{
        left: pct(box.x),
        top: pct(box.y),
        width: pct(box.w),
        height: pct(box.h),
        fontSize: `${frameSize.height * 0.04}px`,
      }}
      {...common}
    >
      {callout.kind === 'text' && <span className="callout-text">{callout.text}</span>}
      {isSelected && (
        <>
          {handle('nw', 0, 0)}
          {handle('ne', 1, 0)}
          {handle('sw', 0, 1)}
          {handle('se', 1, 1)}
        </>
      )}
    </div>
  );
}
