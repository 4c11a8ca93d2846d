/** What the validator answers: the cue count, or the first problem with its 1-based line number. */
export type WebVttCheck =
  | { readonly ok: true; readonly cueCount: number }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** The WebVTT timestamp forms: `hh:mm:ss.ttt` (hours may have more digits) or `mm:ss.ttt`. */
const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const TIMING_LINE = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;

export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds, millis] = match;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/**
 * Checks the parts of WebVTT a teacher can get wrong by hand or by a bad export: the header, every cue's timing line
 * and the order of its two times. Cue text is not checked: the player shows it only as text (src/player/core/cueText.ts).
 */
export function checkWebVtt(source: string): WebVttCheck {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const fail = (index: number, message: string): WebVttCheck => ({
    ok: false,
    line: index + 1,
    message: `Line ${index + 1}: ${message}`,
  });
  const header = lines[0] ?? '';
  if (!/^WEBVTT([ \t].*)?$/.test(header)) return fail(0, 'a captions file must start with “WEBVTT”');
  let cueCount = 0;
  let index = 1;
  // Header lines (metadata) run until the first blank line.
  while (index < lines.length && (lines[index] ?? '') !== '') {
    if ((lines[index] ?? '').includes('-->'))
      return fail(index, 'leave an empty line between “WEBVTT” and the first cue');
    index += 1;
  }
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
    if (index >= lines.length) break;
    const blockStart = index;
    const first = lines[index] ?? '';
    if (/^(NOTE|STYLE|REGION)([ \t]|$)/.test(first)) {
      while (index < lines.length && (lines[index] ?? '') !== '') index += 1;
      continue;
    }
    // An optional identifier line comes before the timing line.
    const timingIndex = first.includes('-->') ? blockStart : blockStart + 1;
    const timing = lines[timingIndex] ?? '';
    if (!timing.includes('-->'))
      return fail(blockStart, 'a cue needs a timing line such as “00:00:01.000 --> 00:00:04.000”');
    const parts = TIMING_LINE.exec(timing.trim());
    const start = parts ? parseTimestamp(parts[1] ?? '') : null;
    const end = parts ? parseTimestamp(parts[2] ?? '') : null;
    if (start === null || end === null)
      return fail(timingIndex, 'the cue timing is not valid (write it like “00:01:02.500 --> 00:01:05.000”)');
    if (end <= start) return fail(timingIndex, 'the cue ends before or when it starts');
    cueCount += 1;
    index = timingIndex + 1;
    while (index < lines.length && (lines[index] ?? '') !== '') {
      if ((lines[index] ?? '').includes('-->')) return fail(index, 'two cues need an empty line between them');
      index += 1;
    }
  }
  return { ok: true, cueCount };
}
