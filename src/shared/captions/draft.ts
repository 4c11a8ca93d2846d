import type { CueWord, TimedText } from './model';

/** A caption a learner reads at a glance: at most this long on screen, and this many characters. */
export const DRAFT_CUE_MAX_MS = 6_000;
export const DRAFT_CUE_MAX_CHARS = 84;
/** A pause this long between two words starts a new caption: the speaker finished a thought. */
export const DRAFT_PAUSE_MS = 600;

/**
 * Caption cues from a speech draft's timed words: a new cue at each pause, and before a cue would run too long or
 * too wide to read. Each cue keeps its words, so a later split falls between two words where they were said.
 */
export function cuesFromWords(words: readonly CueWord[]): TimedText[] {
  const cues: TimedText[] = [];
  let current: CueWord[] = [];
  const close = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last)
      cues.push({ start: first.start, end: last.end, text: current.map((w) => w.text).join(' '), words: current });
    current = [];
  };
  for (const word of [...words].sort((a, b) => a.start - b.start)) {
    const first = current[0];
    const last = current.at(-1);
    const text = [...current, word].map((w) => w.text).join(' ');
    if (
      first &&
      last &&
      (word.start - last.end >= DRAFT_PAUSE_MS ||
        word.end - first.start > DRAFT_CUE_MAX_MS ||
        text.length > DRAFT_CUE_MAX_CHARS)
    )
      close();
    current.push(word);
  }
  close();
  return cues;
}
