import { cameraTimeFor, syncCamera } from '../../core/cameraSync';
import { listen } from '../dom';

export interface CameraFollow {
  /** The bubble is shown (play the camera in step) or not (leave it paused: nobody sees it). */
  setActive(active: boolean): void;
  destroy(): void;
}

/**
 * Plays the camera video in step with the screen video: every play, pause, seek and speed change of the screen is
 * repeated on the camera, and on every screen frame the drift between the two is measured and closed (see
 * syncCamera), so the face stays within a frame of the screen, however long the lesson or however often it is sought.
 */
export function followScreen(screen: HTMLMediaElement, camera: HTMLVideoElement, offsetMs: number): CameraFollow {
  let active = true;
  let frameHandle: number | null = null;
  const expected = () => cameraTimeFor(screen.currentTime, offsetMs, camera.duration);
  const align = () => {
    if (Math.abs(camera.currentTime - expected()) > 0.001) camera.currentTime = expected();
  };
  const running = () => active && !screen.paused && !screen.seeking && screen.readyState >= 3;

  const check = () => {
    if (!running() || camera.seeking) return;
    const decision = syncCamera(expected(), camera.currentTime, screen.playbackRate);
    if (decision.seekTo !== null) camera.currentTime = decision.seekTo;
    if (Math.abs(camera.playbackRate - decision.rate) > 1e-3) camera.playbackRate = decision.rate;
    if (camera.paused && camera.currentTime < camera.duration) void camera.play().catch(() => undefined);
  };
  const video = screen instanceof HTMLVideoElement && 'requestVideoFrameCallback' in screen ? screen : null;
  const onFrame = () => {
    frameHandle = null;
    check();
    watch();
  };
  const watch = () => {
    if (video && frameHandle === null && running()) frameHandle = video.requestVideoFrameCallback(onFrame);
  };

  const start = () => {
    if (!running()) return;
    align();
    camera.playbackRate = screen.playbackRate;
    void camera.play().catch(() => undefined);
    watch();
  };
  const stop = () => {
    camera.pause();
    align();
  };

  const offs = [
    listen(screen, 'playing', start),
    listen(screen, 'pause', stop),
    listen(screen, 'waiting', () => camera.pause()),
    listen(screen, 'seeking', align),
    listen(screen, 'seeked', () => (screen.paused ? align() : start())),
    listen(screen, 'ratechange', () => {
      camera.playbackRate = screen.playbackRate;
    }),
    // Where frames cannot be watched (no requestVideoFrameCallback), timeupdate's few checks a second still hold it.
    listen(screen, 'timeupdate', () => {
      if (!video) check();
    }),
    listen(camera, 'loadedmetadata', align),
  ];
  camera.muted = true;
  align();
  start();

  return {
    setActive(next) {
      if (next === active) return;
      active = next;
      if (active) start();
      else camera.pause();
    },
    destroy() {
      for (const off of offs) off();
      if (video && frameHandle !== null) video.cancelVideoFrameCallback(frameHandle);
      camera.pause();
    },
  };
}
