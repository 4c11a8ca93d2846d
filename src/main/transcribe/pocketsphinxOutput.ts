import type { CueWord } from '@shared/captions/model';

/** What pocketsphinx marks that is not a word said: silence, breath, noise, the utterance's ends. */
const NOT_WORDS = /^(<s>|<\/s>|<sil>|\(NULL\)|\[[A-Z_]+\]|\+\+?[A-Z_]+\+\+?)$/;

/**
 * Reads one line of `pocketsphinx_continuous -time yes`: "word start end confidence", times in seconds. Alternative
 * pronunciations come marked "the(2)"; the mark is dropped. Null for hypothesis lines and markers that are not words.
 */
export function readTimedWord(line: string): CueWord | null {
  const match = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(line.trim());
  if (!match) return null;
  const [, token = '', start = '0', end = '0'] = match;
  if (NOT_WORDS.test(token)) return null;
  const text = token.replace(/\(\d+\)$/, '');
  const startMs = Math.round(Number(start) * 1000);
  return { text, start: startMs, end: Math.max(startMs + 1, Math.round(Number(end) * 1000)) };
}
