import type { KeyboardEvent, RefObject } from 'react';
import type { CameraLayout } from '@shared/editor/document';
import type { FrameSize } from '@shared/editor/bubbleGeometry';
import { bubbleRect } from '@shared/editor/bubbleGeometry';
import * as commands from '@shared/editor/commands';
import { mediaUrl } from '../../../studio';
import type { Editor } from '../useEditor';
import { clampBubble, useBubbleDrag, type BubblePoint } from './useBubbleDrag';
import { arrowNudge } from '../../../lib/arrowNudge';

interface CameraBubbleProps {
  layout: CameraLayout;
  frame: FrameSize;
  frameEl: RefObject<HTMLElement | null>;
  scale: number;
  cameraAspect: number;
  cameraPath: string;
  cameraRef: RefObject<HTMLVideoElement | null>;
  shown: boolean;
  editor: Editor;
}

const NUDGE = 0.01;
const pct = (value: number, of: number) => `${(value / of) * 100}%`;

/** The camera bubble over the preview, where the layout puts it; dragged or moved with the arrow keys. */
export function CameraBubble({
  layout,
  frame,
  frameEl,
  scale,
  cameraAspect,
  cameraPath,
  cameraRef,
  shown,
  editor,
}: CameraBubbleProps) {
  const placed = bubbleRect(layout, frame, cameraAspect);
  const place = (point: BubblePoint) => editor.run(commands.setCameraLayout, { placement: { kind: 'free', ...point } });
  const drag = useBubbleDrag(frameEl, placed, frame, (point) => {
    // Free moves merge while nudging with the keys; a drag stands alone as one undo step.
    editor.seal();
    place(point);
    editor.seal();
  });
  const bubble = drag.draft
    ? bubbleRect({ ...layout, placement: { kind: 'free', ...drag.draft } }, frame, cameraAspect)
    : placed;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? NUDGE * 5 : NUDGE;
    const delta = arrowNudge(event.key, step);
    if (!delta || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    place(clampBubble({ x: placed.x / frame.width + delta.dx, y: placed.y / frame.height + delta.dy }, placed, frame));
  };

  return (
    <div
      className={`preview-bubble preview-bubble-${layout.shape}${drag.draft ? ' is-dragging' : ''}`}
      hidden={!shown}
      role="button"
      tabIndex={0}
      aria-label="Camera bubble"
      aria-description="Drag it, or use the arrow keys (with Shift for bigger steps), to move it"
      data-testid="camera-bubble"
      data-placement={layout.placement.kind}
      onKeyDown={onKeyDown}
      onBlur={editor.seal}
      {...drag.handlers}
      style={{
        left: pct(bubble.x, frame.width),
        top: pct(bubble.y, frame.height),
        width: pct(bubble.width, frame.width),
        height: pct(bubble.height, frame.height),
        borderRadius: bubble.radius * scale,
      }}
    >
      <video
        ref={cameraRef}
        src={mediaUrl(cameraPath)}
        muted
        preload="auto"
        aria-hidden="true"
        tabIndex={-1}
        data-role="camera"
      />
    </div>
  );
}
