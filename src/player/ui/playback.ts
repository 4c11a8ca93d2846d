import { MAX_TICK_MS } from '@shared/checkpoints';
import type { LessonClock } from '../core/lessonClock';
import type { PlayerCheckpoint, PlayerSession } from '../core/session';
import { listen } from './dom';
import type { MediaView } from './mediaView';

/** How far a tick may stray from what the wall clock allows before it counts as a jump rather than playback. */
const JUMP_SLACK_MS = 750;

export interface PlaybackEvents {
  /** Playback reached a checkpoint and stopped on it. */
  stopped(checkpoint: PlayerCheckpoint): void;
  ended(): void;
  /** Something to redraw (time, seek bar, play state). */
  changed(): void;
  playing(playing: boolean): void;
  notice(message: string): void;
  /** Lesson time played in one tick, for the viewing record. */
  watched(fromMs: number, toMs: number): void;
  /** The position moved without playing: a seek the rules allowed, Rewatch, Review. */
  jumped(fromMs: number, toMs: number): void;
}

export interface Playback {
  readonly media: HTMLMediaElement;
  readonly ended: boolean;
  positionMs(): number;
  play(): void;
  pause(): void;
  /** A jump asked for by the learner: the session may refuse it, with a message. */
  seek(lessonMs: number): void;
  /** A jump the player makes for the learner (rewatch, review, resume), then plays if asked. */
  jump(lessonMs: number, andPlay: boolean): void;
  applyRate(rate: number): void;
  replaceView(view: MediaView): void;
  destroy(): void;
}

/**
 * Drives the media element in lesson time: watches every frame (requestVideoFrameCallback where there is one,
 * timeupdate everywhere) so it stops within a frame or two of a checkpoint and puts the media back on it, skips cuts
 * in the preview, and snaps back any jump that did not come through `seek` (devtools, a browser's own controls).
 */
export function createPlayback(
  session: PlayerSession,
  clock: LessonClock,
  initialView: MediaView,
  events: PlaybackEvents,
): Playback {
  let view = initialView;
  let lastMs = session.state.positionMs;
  let ended = false;
  let frameHandle: number | null = null;
  let unbind: () => void = () => undefined;
  let pendingSeekMs: number | null = lastMs;
  let observedAt = performance.now();

  const video = () =>
    view.media instanceof HTMLVideoElement && 'requestVideoFrameCallback' in view.media ? view.media : null;

  const placeMedia = (lessonMs: number) => {
    const seconds = clock.toMediaSeconds(lessonMs);
    if (view.media.readyState === 0) pendingSeekMs = lessonMs;
    else if (Math.abs(view.media.currentTime - seconds) > 0.001) view.media.currentTime = seconds;
  };

  const observe = (mediaSeconds: number) => {
    if (view.media.paused || view.media.seeking || pendingSeekMs !== null) return;
    const reading = clock.fromMedia(mediaSeconds);
    if (reading.jumpToSeconds !== null) view.media.currentTime = reading.jumpToSeconds;
    const now = reading.lessonMs;
    const wall = performance.now();
    // Playback cannot outrun the wall clock times the speed; more than that (plus slack for a late event) is a jump.
    const allowance = Math.min(MAX_TICK_MS, (wall - observedAt) * view.media.playbackRate * 1.25 + JUMP_SLACK_MS);
    observedAt = wall;
    if (now > lastMs + allowance || now < lastMs - JUMP_SLACK_MS) {
      // Not playback: something moved the media without asking. Allowed moves are adopted, others undone.
      if (session.seek(now).to === now) {
        events.jumped(lastMs, now);
        lastMs = now;
      } else placeMedia(lastMs);
      events.changed();
      return;
    }
    const stop = session.tick(lastMs, now);
    events.watched(lastMs, session.state.positionMs);
    lastMs = session.state.positionMs;
    if (stop) {
      view.media.pause();
      placeMedia(stop.lessonMs);
      events.changed();
      events.stopped(stop);
      return;
    }
    if (reading.ended) finish();
    events.changed();
  };

  const finish = () => {
    if (ended) return;
    ended = true;
    view.media.pause();
    events.changed();
    events.ended();
  };

  const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    frameHandle = null;
    observe(metadata.mediaTime);
    requestFrame();
  };
  const requestFrame = () => {
    const element = video();
    if (element && frameHandle === null && !element.paused) frameHandle = element.requestVideoFrameCallback(onFrame);
  };

  const bind = () => {
    const media = view.media;
    media.playbackRate = session.state.playbackRate;
    media.defaultPlaybackRate = session.state.playbackRate;
    const offs = [
      listen(media, 'loadedmetadata', () => {
        if (pendingSeekMs === null) return;
        const target = pendingSeekMs;
        pendingSeekMs = null;
        placeMedia(target);
      }),
      listen(media, 'timeupdate', () => observe(media.currentTime)),
      listen(media, 'play', () => {
        observedAt = performance.now();
        requestFrame();
        events.playing(true);
      }),
      listen(media, 'pause', () => events.playing(false)),
      listen(media, 'ended', () => {
        const stop = session.tick(lastMs, clock.durationMs);
        events.watched(lastMs, session.state.positionMs);
        lastMs = session.state.positionMs;
        if (stop) events.stopped(stop);
        else finish();
      }),
      listen(media, 'ratechange', () => {
        // Speeds come only from the teacher's list, whoever sets them.
        const rate = session.state.playbackRate;
        if (media.playbackRate !== rate && !session.setRate(media.playbackRate)) media.playbackRate = rate;
        events.changed();
      }),
      listen(media, 'error', () =>
        events.notice('The video could not be loaded. Check your connection, or choose another quality.'),
      ),
    ];
    unbind = () => {
      for (const off of offs) off();
      const element = video();
      if (element && frameHandle !== null) element.cancelVideoFrameCallback(frameHandle);
      frameHandle = null;
    };
    if (media.readyState > 0 && pendingSeekMs !== null) {
      const target = pendingSeekMs;
      pendingSeekMs = null;
      placeMedia(target);
    }
  };

  const play = () => {
    if (ended) {
      ended = false;
      jumpTo(0);
    }
    const stop = session.nextPause(lastMs, lastMs);
    if (stop) {
      events.stopped(stop);
      return;
    }
    view.media.play().catch(() => events.notice('Press play to start the lesson.'));
  };

  const jumpTo = (lessonMs: number) => {
    const from = lastMs;
    session.moveTo(lessonMs);
    events.jumped(from, session.state.positionMs);
    lastMs = session.state.positionMs;
    ended = false;
    placeMedia(lastMs);
    events.changed();
  };

  bind();

  return {
    get media() {
      return view.media;
    },
    get ended() {
      return ended;
    },
    positionMs: () => lastMs,
    play,
    pause: () => view.media.pause(),
    seek(lessonMs) {
      const decision = session.seek(lessonMs);
      if (decision.to !== null) {
        events.jumped(lastMs, decision.to);
        lastMs = decision.to;
        ended = false;
        placeMedia(lastMs);
      }
      if (decision.message !== null) events.notice(decision.message);
      events.changed();
    },
    jump(lessonMs, andPlay) {
      jumpTo(lessonMs);
      if (andPlay) view.media.play().catch(() => events.notice('Press play to continue.'));
    },
    applyRate(rate) {
      if (session.setRate(rate)) {
        view.media.playbackRate = rate;
        view.media.defaultPlaybackRate = rate;
      }
      events.changed();
    },
    replaceView(next) {
      unbind();
      view = next;
      pendingSeekMs = lastMs;
      bind();
    },
    destroy() {
      unbind();
    },
  };
}
