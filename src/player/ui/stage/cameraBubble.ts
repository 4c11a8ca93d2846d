import { bubbleRect, type FrameSize } from '@shared/editor/bubbleGeometry';
import type { CameraLayout } from '@shared/editor/document';
import type { Bubble } from '@shared/player/overlay';
import { bubbleRingWidth } from '@shared/render/bubbleRaster';
import { h, listen } from '../dom';

/** What a learner chose for the bubble, kept in this browser only (never in the LMS's learner data). */
interface BubbleChoice {
  readonly hidden: boolean;
  readonly x?: number;
  readonly y?: number;
}

export interface CameraBubble {
  readonly element: HTMLElement;
  readonly video: HTMLVideoElement;
  /** Lays the bubble out on a picture of `frame` CSS pixels, and says whether it shows (the teacher's ranges). */
  place(frame: FrameSize, shownByTeacher: boolean): void;
  /** Whether the camera is on screen now, so it is played only then. */
  readonly visible: boolean;
  destroy(): void;
}

const STEP = 0.02;

/**
 * The teacher's camera over the screen video, placed by the same function the render uses (`bubbleRect`) at the size
 * the picture is shown. Learners may drag it (or move it with the arrow keys) out of the way, or hide it; their choice
 * stays in this browser for this lesson.
 */
export function createCameraBubble(
  overlay: HTMLElement,
  lessonId: string,
  bubble: Bubble,
  source: { src: string; aspect: number | undefined },
  onChange: () => void,
): CameraBubble {
  const key = `flipside:bubble:${lessonId}`;
  let choice = readChoice(key);
  let frame: FrameSize = { width: 0, height: 0 };
  let teacherShows = false;
  const video = h('video', {
    class: 'fs-bubble-video',
    muted: true,
    playsinline: true,
    preload: 'auto',
    src: source.src,
  });
  video.muted = true;
  const hide = h('button', { type: 'button', class: 'fs-bubble-hide', 'aria-label': 'Hide the camera', text: '×' });
  const element = h(
    'div',
    {
      class: 'fs-bubble',
      role: 'group',
      tabindex: 0,
      'aria-label': 'Teacher’s camera: drag it, or use the arrow keys, to move it',
    },
    video,
    hide,
  );
  const show = h('button', { type: 'button', class: 'fs-bubble-show', text: 'Show camera' });
  overlay.append(element, show);

  const layout = (): CameraLayout => ({
    placement:
      choice.x === undefined || choice.y === undefined ? bubble.placement : { kind: 'free', x: choice.x, y: choice.y },
    size: bubble.size,
    shape: bubble.shape,
    hidden: [],
  });
  const choose = (next: BubbleChoice) => {
    choice = next;
    saveChoice(key, next);
    render();
    onChange();
  };
  const moveTo = (x: number, y: number) => {
    const rect = bubbleRect(layout(), frame, source.aspect);
    const maxX = Math.max(0, 1 - rect.width / frame.width);
    const maxY = Math.max(0, 1 - rect.height / frame.height);
    choose({ hidden: false, x: Math.min(Math.max(0, x), maxX), y: Math.min(Math.max(0, y), maxY) });
  };
  const render = () => {
    const showing = teacherShows && !choice.hidden && frame.width > 0;
    element.hidden = !showing;
    show.hidden = !(teacherShows && choice.hidden);
    if (!showing) return;
    const rect = bubbleRect(layout(), frame, source.aspect);
    Object.assign(element.style, {
      left: `${rect.x}px`,
      top: `${rect.y}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      borderRadius: `${rect.radius}px`,
      borderWidth: `${bubbleRingWidth(rect)}px`,
    });
  };

  let drag: { id: number; x: number; y: number; left: number; top: number } | null = null;
  const offs = [
    listen(hide, 'click', () => {
      choose({ ...choice, hidden: true });
      show.focus();
    }),
    listen(show, 'click', () => {
      choose({ ...choice, hidden: false });
      element.focus();
    }),
    listen(element, 'keydown', (event) => {
      const step = event.shiftKey ? STEP * 5 : STEP;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      const move = event.target === element ? moves[event.key] : undefined;
      if (!move || frame.width === 0) return;
      event.preventDefault();
      const rect = bubbleRect(layout(), frame, source.aspect);
      moveTo(rect.x / frame.width + move[0], rect.y / frame.height + move[1]);
    }),
    listen(element, 'pointerdown', (event) => {
      if (event.target === hide || event.button !== 0) return;
      const rect = bubbleRect(layout(), frame, source.aspect);
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, left: rect.x, top: rect.y };
      element.setPointerCapture(event.pointerId);
      event.preventDefault();
    }),
    listen(element, 'pointermove', (event) => {
      if (drag?.id !== event.pointerId) return;
      moveTo((drag.left + event.clientX - drag.x) / frame.width, (drag.top + event.clientY - drag.y) / frame.height);
    }),
    listen(element, 'pointerup', () => (drag = null)),
    listen(element, 'pointercancel', () => (drag = null)),
  ];
  render();

  return {
    element,
    video,
    get visible() {
      return !element.hidden;
    },
    place(size, shownByTeacher) {
      if (size.width === frame.width && size.height === frame.height && shownByTeacher === teacherShows) return;
      frame = size;
      teacherShows = shownByTeacher;
      render();
    },
    destroy() {
      for (const off of offs) off();
      video.pause();
      video.removeAttribute('src');
      video.load();
      element.remove();
      show.remove();
    },
  };
}

function readChoice(key: string): BubbleChoice {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return { hidden: false };
    const { hidden, x, y } = raw as Record<string, unknown>;
    const fraction = (value: unknown) => (typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined);
    const place = fraction(x) !== undefined && fraction(y) !== undefined ? { x: fraction(x), y: fraction(y) } : {};
    return { hidden: hidden === true, ...place };
  } catch {
    return { hidden: false };
  }
}

function saveChoice(key: string, choice: BubbleChoice): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(choice));
  } catch {
    // Storage blocked (a sandboxed frame, strict privacy settings): the choice lasts as long as the page.
  }
}
