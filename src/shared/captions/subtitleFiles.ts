import { checkWebVtt, parseTimestamp } from './webvtt';
import { CUE_TEXT_MAX, type TimedText } from './model';

export type SubtitleFormat = 'vtt' | 'srt';

export type SubtitleRead =
  | { readonly ok: true; readonly cues: TimedText[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const SRT_TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})$/;
const ARROW = /^(\S+)[ \t]+-->[ \t]+(\S+)/;

/** Which format a file is: by its first line (WEBVTT), else by its name, else SRT's numbered blocks. */
export function subtitleFormatOf(fileName: string, text: string): SubtitleFormat {
  if (/^\uFEFF?WEBVTT/.test(text)) return 'vtt';
  return /\.vtt$/i.test(fileName) ? 'vtt' : 'srt';
}

/** Reads WebVTT or SRT cues (times in the file's own clock, ms); the first problem is named with its line. */
export function readSubtitles(text: string, format: SubtitleFormat): SubtitleRead {
  const source = text.replace(/^\uFEFF/, '');
  if (format === 'vtt') {
    const check = checkWebVtt(source);
    if (!check.ok) return check;
  }
  const lines = source.split(/\r\n|\r|\n/);
  const cues: TimedText[] = [];
  let index = format === 'vtt' ? skipHeader(lines) : 0;
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
    if (index >= lines.length) break;
    const first = (lines[index] ?? '').trim();
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)([ \t]|$)/.test(first)) {
      while (index < lines.length && (lines[index] ?? '') !== '') index += 1;
      continue;
    }
    const timingIndex = first.includes('-->') ? index : index + 1;
    const timing = ARROW.exec((lines[timingIndex] ?? '').trim());
    const start = timing ? readTime(timing[1] ?? '', format) : null;
    const end = timing ? readTime(timing[2] ?? '', format) : null;
    if (start === null || end === null)
      return fail(timingIndex, 'the cue timing is not valid (write it like “00:01:02,500 --> 00:01:05,000”)');
    if (end <= start) return fail(timingIndex, 'the cue ends before or when it starts');
    index = timingIndex + 1;
    const body: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '') {
      body.push(lines[index] ?? '');
      index += 1;
    }
    const cueText = plainCueText(body.join('\n'));
    if (cueText.length > CUE_TEXT_MAX)
      return fail(timingIndex + 1, `a caption is at most ${CUE_TEXT_MAX} characters; split this one`);
    if (cueText !== '') cues.push({ start, end, text: cueText });
  }
  return { ok: true, cues };
}

function fail(index: number, message: string): SubtitleRead {
  return { ok: false, line: index + 1, message: `Line ${index + 1}: ${message}` };
}

function skipHeader(lines: readonly string[]): number {
  let index = 1;
  while (index < lines.length && (lines[index] ?? '') !== '') index += 1;
  return index;
}

function readTime(text: string, format: SubtitleFormat): number | null {
  if (format === 'vtt') return parseTimestamp(text);
  const match = SRT_TIME.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds, millis] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/**
 * A cue's words as a teacher edits them: markup (<i>, <v Speaker>, SRT's <font>) dropped, WebVTT's entities decoded,
 * lines kept. Styling is not carried: the player draws captions in one readable style.
 */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(
      /&(amp|lt|gt|nbsp|lrm|rlm);/g,
      (_all, name: string) =>
        ({ amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' })[name] ?? '',
    )
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** "00:01:02.500" (WebVTT) or "00:01:02,500" (SRT). */
export function formatSubtitleTime(ms: number, format: SubtitleFormat): string {
  const whole = Math.max(0, Math.round(ms));
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  const millis = whole % 1000;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${format === 'vtt' ? '.' : ','}${pad(millis, 3)}`;
}

/**
 * A WebVTT or SRT file of `cues` (already in the clock the file is for). Text is escaped for WebVTT, and a line that
 * would read as a timing or an empty line inside a cue cannot be written, so the file always reads back the same.
 */
export function writeSubtitles(cues: readonly TimedText[], format: SubtitleFormat): string {
  const blocks = cues.map((cue, index) => {
    const timing = `${formatSubtitleTime(cue.start, format)} --> ${formatSubtitleTime(cue.end, format)}`;
    const lines = cue.text
      .split('\n')
      .map((line) => line.replace(/-->/g, '→').trim())
      .filter((line) => line !== '')
      .map((line) =>
        format === 'vtt' ? line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : line,
      );
    return `${String(index + 1)}\n${timing}\n${lines.join('\n')}`;
  });
  const body = blocks.join('\n\n');
  return format === 'vtt' ? `WEBVTT\n\n${body}${body ? '\n' : ''}` : `${body}${body ? '\n' : ''}`;
}
