import type { FrameSize } from '@shared/editor/bubbleGeometry';
import type { LessonPackage } from '@shared/player';
import { calloutInPixels, calloutsAt } from '@shared/render/callouts';
import { within } from '@shared/render/frameTimes';
import { h, listen } from '../dom';
import { createCameraBubble, type CameraBubble } from './cameraBubble';
import { followScreen, type CameraFollow } from './cameraFollow';
import { drawCallout } from './drawCallout';

export interface StageOverlay {
  /** The media element the overlay sits on and follows (a new one when the learner changes quality). */
  attach(media: HTMLMediaElement): void;
  /** Draws what shows at this lesson time. */
  update(lessonMs: number): void;
  destroy(): void;
}

/**
 * What the player draws over the video, as the render would have burned it in: the camera bubble (when the package
 * carries the camera apart) and the callouts, on a layer covering exactly the picture (the video is letterboxed
 * inside the stage), at the size it is shown.
 */
export function createStageOverlay(stage: HTMLElement, lesson: LessonPackage, cameraUrl: string | null): StageOverlay {
  const canvas = h('canvas', { class: 'fs-callouts', 'aria-hidden': 'true' });
  const layer = h('div', { class: 'fs-overlay', hidden: true }, canvas);
  const ctx = canvas.getContext('2d');
  let media: HTMLMediaElement | null = null;
  let picture: FrameSize = { width: 0, height: 0 };
  let lessonMs = 0;
  let drawn = '';
  let follow: CameraFollow | null = null;
  let offMedia: (() => void)[] = [];
  const camera = lesson.media.camera;
  const bubble: CameraBubble | null =
    lesson.bubble && camera && cameraUrl
      ? createCameraBubble(
          layer,
          lesson.id,
          lesson.bubble,
          { src: cameraUrl, aspect: camera.width && camera.height ? camera.width / camera.height : undefined },
          () => follow?.setActive(bubble?.visible ?? false),
        )
      : null;

  const video = () => (media instanceof HTMLVideoElement ? media : null);

  /** The picture's box inside the stage: the video element letterboxes it (object-fit: contain). */
  const fit = () => {
    const element = video();
    const width = element?.videoWidth || lesson.media.renditions[0]?.width || 0;
    const height = element?.videoHeight || lesson.media.renditions[0]?.height || 0;
    const room = { width: stage.clientWidth, height: stage.clientHeight };
    if (!element || !width || !height || !room.width || !room.height) {
      layer.hidden = true;
      picture = { width: 0, height: 0 };
      return;
    }
    const scale = Math.min(room.width / width, room.height / height);
    picture = { width: Math.round(width * scale), height: Math.round(height * scale) };
    layer.hidden = false;
    Object.assign(layer.style, {
      left: `${Math.round((room.width - picture.width) / 2)}px`,
      top: `${Math.round((room.height - picture.height) / 2)}px`,
      width: `${picture.width}px`,
      height: `${picture.height}px`,
    });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(picture.width * ratio);
    canvas.height = Math.round(picture.height * ratio);
    drawn = '';
    draw();
  };

  const draw = () => {
    bubble?.place(picture, lesson.bubble ? within(lesson.bubble.shown, lessonMs) : false);
    follow?.setActive(bubble?.visible ?? false);
    if (!ctx) return;
    const active = calloutsAt(lesson.callouts, lessonMs);
    // A blur shows the moving picture under it, so it is drawn again every frame; the rest only when they change.
    const key = active.map((callout) => callout.id).join();
    if (key === drawn && !active.some((callout) => callout.kind === 'blur')) return;
    drawn = key;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const size = { width: canvas.width, height: canvas.height };
    const source = video();
    for (const callout of active) drawCallout(ctx, calloutInPixels(callout, size), size, source);
  };

  const resize = new ResizeObserver(() => fit());
  resize.observe(stage);

  return {
    attach(next) {
      for (const off of offMedia) off();
      follow?.destroy();
      media = next;
      next.after(layer);
      offMedia = [listen(next, 'loadedmetadata', fit), listen(next, 'resize', fit)];
      if (bubble && camera) follow = followScreen(next, bubble.video, camera.offsetMs);
      fit();
    },
    update(ms) {
      lessonMs = ms;
      draw();
    },
    destroy() {
      resize.disconnect();
      for (const off of offMedia) off();
      follow?.destroy();
      bubble?.destroy();
      layer.remove();
    },
  };
}
