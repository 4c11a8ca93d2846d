import { deserializeState } from '@shared/checkpoints';
import type { LessonPackage } from '@shared/player';
import type { PlayerAdapter, StartResult } from '../adapter';
import { chapterAt } from '../core/chapters';
import { formatClock } from '@shared/format/clock';
import { stepRate } from '../core/keys';
import { createLessonClock } from '../core/lessonClock';
import { chooseRendition } from '../core/renditions';
import { createReporter, SAVE_EVERY_MS } from '../core/reporter';
import { PlayerSession } from '../core/session';
import { createControls } from './controls';
import { listen } from './dom';
import { showError } from './errorView';
import { playerKeys } from './keyTarget';
import { createLayout, createNotice } from './layout';
import { checkUrls, createMediaView, type CheckedUrls } from './mediaView';
import { createPlayback } from './playback';
import { createSeekBar } from './seekBar';
import { createSidePanel } from './sidePanel';
import { createLessonDialogs } from './lessonDialogs';
import { createLessonPanels } from './lessonPanels';
import { createStageOverlay } from './stage/overlay';

export interface MountOptions {
  /** The address media paths are relative to; the page's own by default. */
  readonly baseUrl?: string;
  /** Take the player's keys even when focus is on the page body: right for a page that is only the player. */
  readonly pageKeys?: boolean;
  /** Where the notes' files and KaTeX's style sheet are, relative to `baseUrl`: a package's notes/ by default. */
  readonly notesFolder?: string;
  /** Show the lesson's title over the player; false where the page around it already names the lesson. */
  readonly showTitle?: boolean;
}

export interface MountedPlayer {
  /** Settles once the adapter has started and the player is ready to play. */
  readonly ready: Promise<void>;
  destroy(): void;
}

export function mountPlayer(
  root: HTMLElement,
  lesson: LessonPackage,
  adapter: PlayerAdapter,
  options: MountOptions = {},
): MountedPlayer {
  const urls = checkUrls(lesson, options);
  if ('refused' in urls) {
    showError(root, 'This lesson cannot be played', urls.refused);
    return { ready: Promise.resolve(), destroy: () => root.replaceChildren() };
  }
  const undo: (() => void)[] = [];
  let destroyed = false;
  const ready = adapter.start().then((start) => {
    if (destroyed) return;
    const suspend = { durationMs: lesson.durationMs, checkpoints: lesson.checkpoints };
    const { state, questionsChanged } = deserializeState(start.resumeState, suspend);
    // An LMS that sets its own mastery line (cmi5's masteryScore) is the one passed and failed must follow.
    const played =
      start.masteryPercent === undefined
        ? lesson
        : { ...lesson, rules: { ...lesson.rules, masteryPercent: start.masteryPercent } };
    const session = new PlayerSession(played, state);
    undo.push(run(root, played, adapter, urls, session, start, { ...options, questionsChanged }));
  });
  ready.catch((error: unknown) =>
    showError(root, 'This lesson could not start', [error instanceof Error ? error.message : String(error)]),
  );
  return {
    ready,
    destroy() {
      destroyed = true;
      for (const off of undo) off();
      root.replaceChildren();
    },
  };
}

function run(
  root: HTMLElement,
  lesson: LessonPackage,
  adapter: PlayerAdapter,
  urls: CheckedUrls,
  session: PlayerSession,
  start: StartResult,
  options: MountOptions & { questionsChanged: boolean },
): () => void {
  const { mode } = start;
  const undo: (() => void)[] = [];
  const layout = createLayout(root, lesson, mode);
  layout.header.hidden = options.showTitle === false;
  const notice = createNotice(layout.notice);
  const reporter = createReporter(adapter, session, mode);
  const clock = createLessonClock(lesson.durationMs, lesson.media.sourceEditList);
  const probe = document.createElement('video');
  let rendition = chooseRendition(lesson.media.renditions, {
    targetWidth: root.clientWidth * (window.devicePixelRatio || 1),
    canPlay: (type) => probe.canPlayType(type) !== '',
  });
  if (rendition < 0) {
    showError(root, 'This lesson cannot be played here', [
      'This browser cannot play any of the lesson’s video formats. Try another browser.',
    ]);
    return () => undefined;
  }
  let captionIndex = -1;
  let view = createMediaView(layout.stage, layout.captions, lesson, urls, rendition);
  const overlay = createStageOverlay(layout.stage, lesson, urls.camera);
  overlay.attach(view.media);
  let started = session.state.positionMs > 0;
  let saveTimer: ReturnType<typeof setInterval> | null = null;

  const seekBar = createSeekBar({
    durationMs: lesson.durationMs,
    chapters: lesson.chapters,
    checkpoints: session.checkpoints,
    limitShown: lesson.rules.navigation === 'noSkipAhead',
    onSeek: (ms) => playback.seek(ms),
  });
  const controls = createControls(lesson, seekBar.element, {
    togglePlay: () => toggle(),
    toggleCaptions: () => setCaptions(captionIndex >= 0 ? -1 : preferredCaptions()),
    chooseCaptions: (index) => setCaptions(index),
    setRate: (rate) => playback.applyRate(rate),
    toggleMute: () => {
      playback.media.muted = !playback.media.muted;
      controls.setMuted(playback.media.muted);
    },
    toggleFullscreen: () => toggleFullscreen(),
    chooseRendition: (index) => {
      rendition = index;
      view.destroy();
      view = createMediaView(layout.stage, layout.captions, lesson, urls, index);
      playback.replaceView(view);
      overlay.attach(view.media);
      view.showCaptions(captionIndex);
      panels.transcript?.setTrack(view.keepLoaded(transcriptIndex()));
    },
  });
  layout.theatre.append(controls.element);
  const side = createSidePanel(lesson.chapters, session.checkpoints, (ms) => playback.seek(ms));
  const panels = createLessonPanels(lesson, side, {
    baseUrl: options.baseUrl ?? document.baseURI,
    notesFolder: options.notesFolder,
    onSeek: (ms) => playback.seek(ms),
    notice: (message) => notice.show(message),
  });
  if (panels.element) layout.main.append(panels.element);
  const transcriptIndex = () => (captionIndex >= 0 ? captionIndex : preferredCaptions());

  const preferredCaptions = () =>
    Math.max(
      0,
      lesson.media.captions.findIndex((track) => track.srclang.split('-')[0] === lesson.language.split('-')[0]),
    );
  const setCaptions = (index: number) => {
    if (lesson.media.captions.length === 0) return;
    captionIndex = index;
    view.showCaptions(index);
    controls.setCaptions(index);
    panels.transcript?.setTrack(view.keepLoaded(transcriptIndex()));
    notice.show(index >= 0 ? `Captions on: ${lesson.media.captions[index]?.label ?? ''}` : 'Captions off');
  };

  const refreshStatuses = () => {
    for (const checkpoint of session.checkpoints) {
      const status = session.status(checkpoint.id);
      side.setStatus(checkpoint.id, status);
      seekBar.markCheckpoint(checkpoint.id, status);
    }
  };

  const render = () => {
    const position = playback.positionMs();
    view.setLessonTime(position);
    overlay.update(position);
    const chapter = chapterAt(lesson.chapters, position);
    seekBar.update(position, session.state.furthestMs, lesson.chapters[chapter]?.title ?? null);
    controls.setTime(position);
    controls.setRate(session.state.playbackRate);
    controls.setPlaying(!playback.media.paused, playback.ended);
    side.setCurrent(chapter);
    panels.transcript?.setTime(position);
  };

  const dialogs = createLessonDialogs({
    lesson,
    session,
    reporter,
    start,
    player: root,
    layer: layout.layer,
    inert: () => [layout.header, layout.stage, controls.element, ...(panels.element ? [panels.element] : [])],
    returnTo: () => controls.playButton,
    hideNotice: () => notice.hide(),
    refreshStatuses,
    rewatch: (ms) => playback.jump(ms, true),
    play: () => playback.play(),
    pause: () => playback.pause(),
  });

  const playback = createPlayback(session, clock, view, {
    stopped: (checkpoint) => {
      reporter.save(true);
      dialogs.ask(checkpoint);
    },
    ended: () => dialogs.summarize(),
    changed: render,
    playing: (playing) => {
      if (playing) started = true;
      layout.bigPlay.hidden = started;
      root.classList.toggle('fs-is-playing', playing);
      if (saveTimer !== null) clearInterval(saveTimer);
      saveTimer = playing ? setInterval(() => reporter.save(), SAVE_EVERY_MS) : null;
      if (!playing) reporter.save(true);
      render();
    },
    notice: (message) => notice.show(message),
    watched: (fromMs, toMs) => reporter.watched(fromMs, toMs),
    jumped: (fromMs, toMs) => reporter.jumped(fromMs, toMs),
  });

  const toggle = () => {
    if (dialogs.isOpen()) return;
    if (playback.media.paused) playback.play();
    else {
      playback.pause();
      reporter.paused(playback.positionMs());
    }
  };

  const toggleFullscreen = () =>
    void (document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen()).catch(() => undefined);
  const onKey = playerKeys(
    root,
    options.pageKeys === true,
    () => dialogs.isOpen(),
    (command) => {
      switch (command.kind) {
        case 'togglePlay':
          return toggle();
        case 'seekBy':
          return playback.seek(playback.positionMs() + command.ms);
        case 'seekTo':
          return playback.seek(command.where === 'start' ? 0 : lesson.durationMs);
        case 'captions':
          return setCaptions(captionIndex >= 0 ? -1 : preferredCaptions());
        case 'speed': {
          const rate = stepRate(lesson.rules.playbackRates, session.state.playbackRate, command.step);
          playback.applyRate(rate);
          return notice.show(`Speed ${rate}×`);
        }
        case 'mute':
          playback.media.muted = !playback.media.muted;
          return controls.setMuted(playback.media.muted);
        case 'fullscreen':
          return toggleFullscreen();
      }
    },
  );

  undo.push(
    listen(layout.bigPlay, 'click', () => toggle()),
    listen(layout.stage, 'click', (event) => {
      if (event.target === playback.media) toggle();
    }),
    listen(options.pageKeys ? document : root, 'keydown', onKey),
    listen(window, 'pagehide', () => void reporter.finish()),
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') reporter.save(true);
    }),
  );

  controls.setRendition(rendition);
  if (start.muted) {
    playback.media.muted = true;
    controls.setMuted(true);
  }
  refreshStatuses();
  panels.transcript?.setTrack(view.keepLoaded(transcriptIndex()));
  layout.bigPlay.hidden = started;
  render();
  if (started) notice.show(`Welcome back: continuing at ${formatClock(session.state.positionMs)}.`);
  else if (options.questionsChanged)
    notice.show('This lesson was updated and its questions changed since your last visit, so it starts afresh.');
  return () => {
    if (saveTimer !== null) clearInterval(saveTimer);
    reporter.save();
    dialogs.close();
    playback.destroy();
    overlay.destroy();
    view.destroy();
    seekBar.destroy();
    controls.destroy();
    side.destroy();
    panels.destroy();
    notice.destroy();
    for (const off of undo) off();
  };
}
