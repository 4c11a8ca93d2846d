import { checkMediaUrl, packageUrls, type CaptionTrack, type LessonPackage, type Rendition } from '@shared/player';
import { cueText } from '../core/cueText';
import { isAudioOnly } from '../core/renditions';
import { h, listen } from './dom';

/** Addresses already checked by `checkMediaUrl`, by what they belong to. */
export interface CheckedUrls {
  readonly renditions: readonly string[];
  readonly captions: readonly string[];
  readonly poster: string | null;
  /** The camera video the player shows as the bubble, when the package carries it apart. */
  readonly camera: string | null;
}

export interface MediaView {
  readonly media: HTMLMediaElement;
  /** Shows the captions of track `index`, or none for -1. */
  showCaptions(index: number): void;
  /** Keeps track `index` loaded while captions are off or show another language (the transcript reads it). */
  keepLoaded(index: number): HTMLTrackElement | null;
  /** The lesson time the captions are shown for: cues are in lesson time, which the media's own differs from in the preview. */
  setLessonTime(lessonMs: number): void;
  destroy(): void;
}

/**
 * One media element for one rendition, with its caption tracks. Captions are drawn by us from the track's active cues
 * (the track itself stays hidden), so they look the same on video and on an audio-only rendition, and sit above
 * the controls rather than under them.
 */
export function createMediaView(
  stage: HTMLElement,
  captionBox: HTMLElement,
  lesson: LessonPackage,
  urls: CheckedUrls,
  index: number,
): MediaView {
  const rendition = lesson.media.renditions[index] as Rendition;
  const audio = isAudioOnly(rendition);
  const media: HTMLMediaElement = audio
    ? h('audio', { class: 'fs-media fs-audio', preload: 'auto' })
    : h('video', { class: 'fs-media', preload: 'auto', playsinline: true });
  if (!audio && urls.poster) (media as HTMLVideoElement).poster = urls.poster;
  const source = h('source', { src: urls.renditions[index], type: rendition.type });
  media.append(source);
  const trackElements = lesson.media.captions.map((track: CaptionTrack, at) =>
    h('track', { kind: 'captions', label: track.label, srclang: track.srclang, src: urls.captions[at] }),
  );
  media.append(...trackElements);
  let kept = -1;
  const still = audio
    ? h(
        'div',
        { class: 'fs-audio-still' },
        urls.poster ? h('img', { src: urls.poster, alt: '' }) : h('p', { text: lesson.title }),
      )
    : null;
  if (still) stage.prepend(still);
  stage.prepend(media);

  // A video that cannot load (offline, a file the LMS no longer serves, a host the page may not fetch from) must
  // say so, rather than leave a black rectangle. A failed <source> reports on itself, not on the media element.
  const retry = h('button', { type: 'button', class: 'fs-button-text fs-secondary', text: 'Try again' });
  const failure = h(
    'div',
    { class: 'fs-media-error', role: 'alert', hidden: true },
    h('p', { class: 'fs-media-error-title', text: `The ${audio ? 'recording' : 'video'} could not be loaded.` }),
    h('p', { text: 'Check your internet connection and try again. If it keeps happening, tell your teacher.' }),
    retry,
  );
  stage.append(failure);
  const showFailure = (shown: boolean) => {
    failure.hidden = !shown;
  };
  const offFailure = [
    listen(source, 'error', () => {
      showFailure(true);
    }),
    listen(media, 'error', () => {
      showFailure(true);
    }),
    listen(media, 'loadeddata', () => {
      showFailure(false);
    }),
    listen(retry, 'click', () => {
      showFailure(false);
      media.load();
    }),
  ];

  let offCue: (() => void) | null = null;
  let shown: TextTrack | null = null;
  let lessonS = 0;
  const render = () => {
    const cues = shown?.cues ? Array.from(shown.cues) : [];
    const text = cues
      .filter((cue) => cue.startTime <= lessonS && lessonS < cue.endTime)
      .map((cue) => cueText((cue as VTTCue).text))
      .filter((line) => line !== '')
      .join('\n');
    if (captionBox.textContent !== text) captionBox.textContent = text;
    captionBox.hidden = text === '';
  };

  return {
    media,
    showCaptions(chosen) {
      offCue?.();
      offCue = null;
      captionBox.textContent = '';
      captionBox.hidden = true;
      shown = null;
      Array.from(media.textTracks).forEach((track, at) => {
        track.mode = at === chosen || at === kept ? 'hidden' : 'disabled';
        if (at === chosen) {
          shown = track;
          // The cues arrive after the track loads; cuechange also catches a change between two frames.
          offCue = listen(track, 'cuechange', render);
          render();
        }
      });
    },
    keepLoaded(index) {
      kept = index;
      const track = media.textTracks[index];
      if (track && track.mode === 'disabled') track.mode = 'hidden';
      return trackElements[index] ?? null;
    },
    setLessonTime(lessonMs) {
      lessonS = lessonMs / 1000;
      if (shown) render();
    },
    destroy() {
      offCue?.();
      for (const off of offFailure) off();
      failure.remove();
      media.pause();
      media.removeAttribute('src');
      source.remove();
      media.load();
      media.remove();
      still?.remove();
    },
  };
}

/** Every address in the package checked against the page before any is loaded; refused ones are listed for the learner. */
export function checkUrls(lesson: LessonPackage, options: { baseUrl?: string }): CheckedUrls | { refused: string[] } {
  const context = { baseUrl: options.baseUrl ?? document.baseURI };
  const refused: string[] = [];
  const checked = packageUrls(lesson.media).map((entry) => {
    const verdict = checkMediaUrl(entry.url, entry.kind, context);
    if (!verdict.ok)
      refused.push(`The address of ${entry.what} is not allowed: ${verdict.reason} (${entry.url.slice(0, 80)}).`);
    return verdict.ok ? verdict.url : '';
  });
  if (refused.length > 0) return { refused: [...refused, 'A lesson may only use files inside its own folder.'] };
  const count = lesson.media.renditions.length;
  const hasPoster = lesson.media.poster !== undefined;
  const captionsFrom = count + (hasPoster ? 1 : 0);
  const captionsTo = captionsFrom + lesson.media.captions.length;
  return {
    renditions: checked.slice(0, count),
    poster: hasPoster ? (checked[count] ?? null) : null,
    captions: checked.slice(captionsFrom, captionsTo),
    camera: lesson.media.camera === undefined ? null : (checked[captionsTo] ?? null),
  };
}
