import { createLessonMap, type LessonMap, type ReadonlyEditList } from '@shared/timeline';

export interface PlayerState {
  readonly lessonMs: number;
  readonly sourceMs: number;
  readonly playing: boolean;
  /** Negative plays backwards (J), as a shuttle does. */
  readonly rate: number;
}

export interface MediaElements {
  readonly main: HTMLVideoElement | null;
  readonly camera: HTMLVideoElement | null;
  /** Where each file starts on the take's clock. */
  readonly mainOffsetMs: number;
  readonly cameraOffsetMs: number;
}

/** A frame at 30 fps, the step of ← and →. */
export const FRAME_MS = 1000 / 30;
const MAX_RATE = 8;
/** The camera is put back in step when it drifts further than this; less makes it stutter. */
const CAMERA_DRIFT_S = 0.15;
/** How close to a cut (in source ms at 1x) the jump past it is put on a timer as well. */
const JUMP_AHEAD_MS = 400;

export interface LessonPlayer {
  attach: (media: MediaElements) => void;
  setEditList: (list: ReadonlyEditList) => void;
  getState: () => PlayerState;
  subscribe: (listener: () => void) => () => void;
  play: (rate?: number) => void;
  pause: () => void;
  toggle: () => void;
  seek: (lessonMs: number) => void;
  /** J / K / L: back, pause, forward; pressing a direction again doubles the speed. */
  shuttle: (direction: -1 | 0 | 1) => void;
  dispose: () => void;
}

/**
 * Plays the lesson as edited over the take's files: lesson time in, source time on the videos. Just before a
 * removed range is reached it seeks past it, checking every animation frame with a look-ahead of a few frames, so a
 * cut is jumped without ever showing a frame of it.
 */
export function createLessonPlayer(): LessonPlayer {
  let media: MediaElements = { main: null, camera: null, mainOffsetMs: 0, cameraOffsetMs: 0 };
  let map: LessonMap = createLessonMap({ sourceDuration: 1, trimStart: 0, trimEnd: 1, cuts: [], splits: [] });
  let state: PlayerState = { lessonMs: 0, sourceMs: 0, playing: false, rate: 1 };
  let frame = 0;
  let lastTick = 0;
  let jumpTimer = 0;
  let jumpFor = -1;
  const listeners = new Set<() => void>();

  const emit = (next: Partial<PlayerState>) => {
    state = { ...state, ...next };
    listeners.forEach((listener) => listener());
  };

  const setSource = (sourceMs: number) => {
    if (media.main) media.main.currentTime = Math.max(0, sourceMs - media.mainOffsetMs) / 1000;
    if (media.camera) media.camera.currentTime = Math.max(0, sourceMs - media.cameraOffsetMs) / 1000;
  };

  const sourceNow = () => (media.main ? media.main.currentTime * 1000 + media.mainOffsetMs : state.sourceMs);

  const stopLoop = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(jumpTimer);
    jumpFor = -1;
  };

  const jumpTo = (span: LessonMap['spans'][number]) => {
    clearTimeout(jumpTimer);
    jumpFor = -1;
    setSource(span.sourceStart);
    emit({ sourceMs: span.sourceStart, lessonMs: span.lessonStart });
  };

  // Animation frames come late on a busy machine; a timer set for just before the cut catches what they miss.
  const scheduleJump = (sourceMs: number, index: number) => {
    const span = map.spans[index];
    const next = map.spans[index + 1];
    if (!span || !next || jumpFor === span.sourceEnd || span.sourceEnd - sourceMs > JUMP_AHEAD_MS * state.rate) return;
    jumpFor = span.sourceEnd;
    clearTimeout(jumpTimer);
    jumpTimer = window.setTimeout(
      () => {
        if (state.playing && state.rate > 0 && sourceNow() < next.sourceStart) jumpTo(next);
      },
      Math.max(0, (span.sourceEnd - sourceMs) / state.rate - 2 * FRAME_MS),
    );
  };

  const pauseMedia = () => {
    media.main?.pause();
    media.camera?.pause();
  };

  const tick = (now: number) => {
    frame = requestAnimationFrame(tick);
    const elapsed = lastTick ? now - lastTick : 0;
    lastTick = now;
    if (state.rate < 0) {
      const main = media.main;
      if (main?.seeking) return;
      const target = Math.max(0, state.lessonMs + state.rate * elapsed);
      seekInternal(target);
      if (target === 0) pause();
      return;
    }
    const sourceMs = sourceNow();
    const lookahead = (3 * FRAME_MS + elapsed) * state.rate;
    const span = map.spans.find((s) => sourceMs < s.sourceEnd);
    if (!span) {
      pause();
      seekInternal(map.duration);
      return;
    }
    if (sourceMs < span.sourceStart - 1) {
      jumpTo(span);
      return;
    }
    const index = map.spans.indexOf(span);
    scheduleJump(sourceMs, index);
    if (sourceMs + lookahead >= span.sourceEnd) {
      const next = map.spans[index + 1];
      if (next) jumpTo(next);
      else if (sourceMs >= span.sourceEnd - FRAME_MS) {
        pause();
        emit({ lessonMs: map.duration, sourceMs: span.sourceEnd });
      } else emit({ sourceMs, lessonMs: map.sourceToLesson(sourceMs).lessonMs });
      return;
    }
    const camera = media.camera;
    if (
      camera &&
      !camera.seeking &&
      Math.abs(camera.currentTime - (sourceMs - media.cameraOffsetMs) / 1000) > CAMERA_DRIFT_S
    ) {
      camera.currentTime = Math.max(0, sourceMs - media.cameraOffsetMs) / 1000;
    }
    emit({ sourceMs, lessonMs: map.sourceToLesson(sourceMs).lessonMs });
  };

  const seekInternal = (lessonMs: number) => {
    clearTimeout(jumpTimer);
    jumpFor = -1;
    const clamped = Math.min(Math.max(0, lessonMs), map.duration);
    const sourceMs = map.lessonToSource(clamped);
    setSource(sourceMs);
    emit({ lessonMs: clamped, sourceMs });
  };

  const play = (rate = 1) => {
    const clamped = Math.max(-MAX_RATE, Math.min(MAX_RATE, rate));
    if (state.lessonMs >= map.duration - FRAME_MS && clamped > 0) seekInternal(0);
    if (clamped > 0) {
      for (const video of [media.main, media.camera]) {
        if (!video) continue;
        video.playbackRate = clamped;
        void video.play().catch(() => undefined);
      }
    } else pauseMedia();
    emit({ playing: true, rate: clamped });
    lastTick = 0;
    if (!frame) frame = requestAnimationFrame(tick);
  };

  const pause = () => {
    stopLoop();
    pauseMedia();
    emit({ playing: false, rate: 1 });
  };

  return {
    attach(next) {
      media = next;
      if (!state.playing) setSource(state.sourceMs);
    },
    setEditList(list) {
      map = createLessonMap(list);
      const position = map.sourceToLesson(state.sourceMs);
      if (position.kind === 'kept') emit({ lessonMs: position.lessonMs });
      else seekInternal(position.lessonMs);
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play,
    pause,
    toggle: () => (state.playing ? pause() : play()),
    seek: seekInternal,
    shuttle(direction) {
      if (direction === 0) {
        pause();
        return;
      }
      const sameWay = state.playing && Math.sign(state.rate) === direction;
      play(sameWay ? state.rate * 2 : direction);
    },
    dispose() {
      stopLoop();
      listeners.clear();
    },
  };
}
