import type { LessonPackage } from '@shared/player';
import { formatClock, formatRate } from '@shared/format/clock';
import { h, icon, listen, setIcon } from './dom';

export interface ControlHandlers {
  togglePlay(): void;
  toggleCaptions(): void;
  chooseCaptions(index: number): void;
  setRate(rate: number): void;
  toggleMute(): void;
  toggleFullscreen(): void;
  chooseRendition(index: number): void;
}

export interface Controls {
  readonly element: HTMLElement;
  readonly playButton: HTMLButtonElement;
  setPlaying(playing: boolean, ended: boolean): void;
  setTime(positionMs: number): void;
  setRate(rate: number): void;
  setMuted(muted: boolean): void;
  setCaptions(index: number): void;
  setRendition(index: number): void;
  destroy(): void;
}

/** The buttons under the video. Menus are native selects: they work with every keyboard, screen reader and phone. */
export function createControls(lesson: LessonPackage, seek: HTMLElement, handlers: ControlHandlers): Controls {
  const undo: (() => void)[] = [];
  const button = (label: string, className: string, onClick: () => void, ...content: (Node | string)[]) => {
    const element = h('button', { type: 'button', class: `fs-button ${className}`, 'aria-label': label }, ...content);
    undo.push(listen(element, 'click', onClick));
    return element;
  };
  const select = (label: string, className: string, options: [string, string][], onChange: (value: string) => void) => {
    const element = h(
      'select',
      { class: `fs-select ${className}`, 'aria-label': label, title: label },
      ...options.map(([value, text]) => h('option', { value, text })),
    );
    undo.push(listen(element, 'change', () => onChange(element.value)));
    return element;
  };

  const playButton = button('Play', 'fs-play', () => handlers.togglePlay(), icon('play'));
  const time = h('span', { class: 'fs-time' });
  const total = formatClock(lesson.durationMs);
  const mute = button('Mute', 'fs-mute', () => handlers.toggleMute(), icon('volume'));
  mute.setAttribute('aria-pressed', 'false');

  const captions = lesson.media.captions;
  const cc =
    captions.length > 0
      ? button(
          'Captions',
          'fs-cc',
          () => handlers.toggleCaptions(),
          h('span', { class: 'fs-cc-mark', 'aria-hidden': 'true', text: 'CC' }),
        )
      : null;
  cc?.setAttribute('aria-pressed', 'false');
  const captionMenu =
    captions.length > 1
      ? select(
          'Caption language',
          'fs-caption-menu',
          captions.map((track, index) => [String(index), track.label]),
          (value) => handlers.chooseCaptions(Number(value)),
        )
      : null;

  const rates = [...lesson.rules.playbackRates].sort((a, b) => a - b);
  const speed =
    rates.length > 1
      ? select(
          'Playback speed',
          'fs-speed',
          rates.map((rate) => [String(rate), formatRate(rate)]),
          (value) => handlers.setRate(Number(value)),
        )
      : null;
  const renditions = lesson.media.renditions;
  const quality =
    renditions.length > 1
      ? select(
          'Quality',
          'fs-quality',
          renditions.map((rendition, index) => [String(index), rendition.label]),
          (value) => handlers.chooseRendition(Number(value)),
        )
      : null;
  const fullscreen = button('Full screen', 'fs-fullscreen', () => handlers.toggleFullscreen(), icon('fullscreen'));

  const bar = h(
    'div',
    { class: 'fs-bar' },
    h('div', { class: 'fs-bar-start' }, playButton, time),
    h('div', { class: 'fs-bar-end' }, cc, captionMenu, mute, speed, quality, fullscreen),
  );
  const element = h('div', { class: 'fs-controls' }, seek, bar);

  return {
    element,
    playButton,
    setPlaying(playing, ended) {
      const label = playing ? 'Pause' : ended ? 'Watch again' : 'Play';
      if (playButton.getAttribute('aria-label') === label) return;
      playButton.setAttribute('aria-label', label);
      playButton.title = `${label} (k)`;
      setIcon(playButton, playing ? 'pause' : ended ? 'replay' : 'play');
    },
    setTime(positionMs) {
      const text = `${formatClock(positionMs)} / ${total}`;
      if (time.textContent !== text) time.textContent = text;
    },
    setRate(rate) {
      if (speed) speed.value = String(rate);
    },
    setMuted(muted) {
      mute.setAttribute('aria-pressed', String(muted));
      setIcon(mute, muted ? 'muted' : 'volume');
    },
    setCaptions(index) {
      cc?.setAttribute('aria-pressed', String(index >= 0));
      if (captionMenu && index >= 0) captionMenu.value = String(index);
    },
    setRendition(index) {
      if (quality) quality.value = String(index);
    },
    destroy() {
      for (const off of undo) off();
    },
  };
}
