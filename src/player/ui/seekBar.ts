import type { Chapter } from '@shared/player';
import type { CheckpointStatus, PlayerCheckpoint } from '../core/session';
import { formatClock, spokenClock } from '@shared/format/clock';
import { h, listen } from './dom';

export interface SeekBar {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  update(positionMs: number, furthestMs: number, chapterTitle: string | null): void;
  markCheckpoint(id: string, status: CheckpointStatus): void;
  destroy(): void;
}

/**
 * A native range (so keyboards and screen readers know it) over a drawn track showing what was played, how far the
 * learner may go, chapters and questions. Every move asks `onSeek`, which may refuse; the range then shows where
 * playback really is.
 */
export function createSeekBar(options: {
  durationMs: number;
  chapters: readonly Chapter[];
  checkpoints: readonly PlayerCheckpoint[];
  limitShown: boolean;
  onSeek: (lessonMs: number) => void;
}): SeekBar {
  const { durationMs } = options;
  const percent = (ms: number) => `${Math.min(100, Math.max(0, (ms / durationMs) * 100))}%`;
  const reachable = h('div', { class: 'fs-track-reachable' });
  const played = h('div', { class: 'fs-track-played' });
  const track = h('div', { class: 'fs-track', 'aria-hidden': 'true' }, reachable, played);
  for (const chapter of options.chapters) {
    if (chapter.lessonMs <= 0) continue;
    const tick = h('span', { class: 'fs-tick', title: chapter.title });
    tick.style.left = percent(chapter.lessonMs);
    track.append(tick);
  }
  const marks = new Map<string, HTMLElement>();
  for (const checkpoint of options.checkpoints) {
    const mark = h('span', { class: 'fs-qmark', 'data-status': 'unanswered' });
    mark.style.left = percent(checkpoint.lessonMs);
    marks.set(checkpoint.id, mark);
    track.append(mark);
  }
  const input = h('input', {
    type: 'range',
    class: 'fs-range',
    min: 0,
    max: durationMs,
    step: 'any',
    value: 0,
    'aria-label': 'Seek',
  });
  const element = h('div', { class: 'fs-seek' }, track, input);
  let shown = -1;

  const undo = listen(input, 'input', () => options.onSeek(Number(input.value)));

  return {
    element,
    input,
    update(positionMs, furthestMs, chapterTitle) {
      played.style.width = percent(positionMs);
      reachable.style.width = options.limitShown ? percent(furthestMs) : '100%';
      if (Number(input.value) !== positionMs) input.value = String(positionMs);
      const second = Math.floor(positionMs / 1000);
      if (second === shown) return;
      shown = second;
      const where = `${spokenClock(positionMs)} of ${spokenClock(durationMs)}`;
      input.setAttribute('aria-valuetext', chapterTitle ? `${where}, ${chapterTitle}` : where);
      input.title = formatClock(positionMs);
    },
    markCheckpoint(id, status) {
      marks.get(id)?.setAttribute('data-status', status);
    },
    destroy: undo,
  };
}
