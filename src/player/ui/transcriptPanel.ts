import { formatClock, spokenClock } from '@shared/format/clock';
import { cueText } from '../core/cueText';
import { findLine, searchLines, type TranscriptLine } from '../core/transcript';
import { h, listen } from './dom';

export interface TranscriptPanel {
  readonly element: HTMLElement;
  /** The captions track to read (a <track> the media view keeps loaded), or null while there is none. */
  setTrack(track: HTMLTrackElement | null): void;
  setTime(lessonMs: number): void;
  destroy(): void;
}

/** How long after the learner scrolls or moves through the lines the transcript stops following the video. */
const HANDS_OFF_MS = 4000;

/**
 * The lesson's words from its captions: the line being said is marked (aria-current) and kept in view, a line plays
 * the video from its start, and a search marks every match and steps through them. One line is in the tab order at
 * a time; the arrow keys, Home and End move between lines.
 */
export function createTranscriptPanel(onSeek: (lessonMs: number) => void): TranscriptPanel {
  const undo: (() => void)[] = [];
  const search = h('input', {
    type: 'search',
    class: 'fs-transcript-search',
    'aria-label': 'Search the transcript',
    placeholder: 'Search the transcript',
  });
  const count = h('span', { class: 'fs-transcript-count', role: 'status', 'aria-live': 'polite' });
  const previous = h('button', {
    type: 'button',
    class: 'fs-button-text fs-secondary',
    text: 'Previous',
    'aria-label': 'Previous match',
    disabled: true,
  });
  const next = h('button', {
    type: 'button',
    class: 'fs-button-text fs-secondary',
    text: 'Next',
    'aria-label': 'Next match',
    disabled: true,
  });
  const state = h('p', { class: 'fs-transcript-state', text: 'Loading the transcript…' });
  const list = h('ol', { class: 'fs-transcript-lines', 'aria-label': 'Transcript' });
  const element = h(
    'div',
    { class: 'fs-transcript' },
    h('div', { class: 'fs-transcript-tools' }, search, previous, next, count),
    state,
    list,
  );

  let lines: TranscriptLine[] = [];
  let buttons: HTMLButtonElement[] = [];
  let current = -1;
  let matches: number[] = [];
  let found = -1;
  let handsOffUntil = 0;
  let offTrack: (() => void)[] = [];

  const keepInView = (index: number) => {
    const line = buttons[index]?.parentElement;
    if (!line) return;
    list.scrollTop = Math.max(0, line.offsetTop - list.clientHeight / 3);
  };
  const focusable = (index: number) => {
    buttons.forEach((button, at) => {
      button.tabIndex = at === index ? 0 : -1;
    });
  };

  const show = (read: TranscriptLine[]) => {
    lines = read;
    buttons = lines.map((line) =>
      h(
        'button',
        { type: 'button', class: 'fs-line', tabindex: '-1', 'aria-label': `${spokenClock(line.start)}: ${line.text}` },
        h('span', { class: 'fs-line-time', 'aria-hidden': 'true', text: formatClock(line.start) }),
        h('span', { class: 'fs-line-text', 'aria-hidden': 'true', text: line.text }),
      ),
    );
    list.replaceChildren(...buttons.map((button) => h('li', {}, button)));
    state.hidden = lines.length > 0;
    state.textContent = lines.length > 0 ? '' : 'This lesson’s captions have no words yet.';
    current = -1;
    focusable(0);
    runSearch();
  };

  const markText = (index: number, ranges: readonly [number, number][]) => {
    const text = buttons[index]?.querySelector('.fs-line-text');
    const line = lines[index];
    if (!text || !line) return;
    const parts: Node[] = [];
    let from = 0;
    for (const [start, end] of ranges) {
      parts.push(
        document.createTextNode(line.text.slice(from, start)),
        h('mark', { text: line.text.slice(start, end) }),
      );
      from = end;
    }
    parts.push(document.createTextNode(line.text.slice(from)));
    text.replaceChildren(...parts);
  };

  const goTo = (which: number) => {
    if (matches.length === 0) return;
    found = (which + matches.length) % matches.length;
    buttons.forEach((button) => button.classList.remove('fs-line-found'));
    const index = matches[found] ?? 0;
    buttons[index]?.classList.add('fs-line-found');
    focusable(index);
    keepInView(index);
    handsOffUntil = Date.now() + HANDS_OFF_MS;
    count.textContent = `${String(found + 1)} of ${String(matches.length)}`;
  };

  function runSearch() {
    const hits = searchLines(lines, search.value);
    lines.forEach((_line, index) => markText(index, hits.get(index) ?? []));
    matches = [...hits.keys()];
    found = -1;
    previous.disabled = next.disabled = matches.length === 0;
    buttons.forEach((button) => button.classList.remove('fs-line-found'));
    if (search.value.trim() === '') count.textContent = '';
    else if (matches.length === 0) count.textContent = 'No matches';
    else goTo(0);
  }

  undo.push(
    listen(search, 'input', runSearch),
    listen(search, 'keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      goTo(found + (event.shiftKey ? -1 : 1));
    }),
    listen(previous, 'click', () => goTo(found - 1)),
    listen(next, 'click', () => goTo(found + 1)),
    listen(list, 'wheel', () => (handsOffUntil = Date.now() + HANDS_OFF_MS), { passive: true }),
    listen(list, 'touchmove', () => (handsOffUntil = Date.now() + HANDS_OFF_MS), { passive: true }),
    listen(list, 'click', (event) => {
      const button = (event.target as Element | null)?.closest('button.fs-line');
      const index = buttons.indexOf(button as HTMLButtonElement);
      const line = lines[index];
      if (line) onSeek(line.start);
    }),
    listen(list, 'keydown', (event) => {
      const index = buttons.indexOf(event.target as HTMLButtonElement);
      if (index < 0) return;
      const target =
        event.key === 'ArrowDown'
          ? index + 1
          : event.key === 'ArrowUp'
            ? index - 1
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? buttons.length - 1
                : null;
      if (target === null || target < 0 || target >= buttons.length) return;
      event.preventDefault();
      // The player's own keys (arrows seek) stay out of the list while the learner moves through it.
      event.stopPropagation();
      handsOffUntil = Date.now() + HANDS_OFF_MS;
      focusable(target);
      buttons[target]?.focus();
    }),
  );

  return {
    element,
    setTrack(track) {
      for (const off of offTrack) off();
      offTrack = [];
      if (!track) {
        show([]);
        return;
      }
      const read = () => {
        const cues = track.track.cues ? Array.from(track.track.cues) : [];
        show(
          cues
            .map((cue) => ({
              start: Math.round(cue.startTime * 1000),
              end: Math.round(cue.endTime * 1000),
              text: cueText((cue as VTTCue).text).replace(/\n/g, ' '),
            }))
            .filter((line) => line.text !== ''),
        );
      };
      if (track.readyState === HTMLTrackElement.LOADED) read();
      else {
        state.hidden = false;
        state.textContent = 'Loading the transcript…';
        offTrack.push(
          listen(track, 'load', read),
          listen(track, 'error', () => {
            state.hidden = false;
            state.textContent = 'The transcript could not be loaded.';
          }),
        );
      }
    },
    setTime(lessonMs) {
      const index = findLine(lines, lessonMs);
      if (index === current) return;
      buttons[current]?.removeAttribute('aria-current');
      current = index;
      if (index < 0) return;
      buttons[index]?.setAttribute('aria-current', 'true');
      if (Date.now() < handsOffUntil || (element.contains(document.activeElement) && document.activeElement !== search))
        return;
      focusable(index);
      keepInView(index);
    },
    destroy() {
      for (const off of [...undo, ...offTrack]) off();
    },
  };
}
