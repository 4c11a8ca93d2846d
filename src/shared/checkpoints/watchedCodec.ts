import { mergeRanges, type TimeRange } from '../timeline/ranges';

/**
 * Watched time, quantised for the suspend data. The lesson is cut into buckets of `bucketSec` seconds; a bucket counts
 * as watched when at least half of it was (so a range's ends round to the nearest bucket edge, neither inflating nor
 * shrinking what was watched on average). Two encodings, whichever is shorter:
 *   "r" + run lengths in base 36, alternately unwatched and watched, starting with unwatched ("r0.k" = first 20 s);
 *   "b" + a bitmap, six buckets per character, for a learner who scrubbed into many fragments.
 * Run lengths win for the usual few ranges; the bitmap bounds the worst case at duration / 6 s characters per second.
 */
const BITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function bucketCount(durationMs: number, bucketSec: number): number {
  return Math.ceil(Math.max(0, durationMs) / (bucketSec * 1000));
}

export function toBuckets(ranges: readonly TimeRange[], durationMs: number, bucketSec: number): boolean[] {
  const size = bucketSec * 1000;
  const watchedIn = new Array<number>(bucketCount(durationMs, bucketSec)).fill(0);
  for (const range of mergeRanges(ranges)) {
    const end = Math.min(range.end, durationMs);
    for (let bucket = Math.floor(range.start / size); bucket * size < end; bucket += 1) {
      const overlap = Math.min(end, (bucket + 1) * size) - Math.max(range.start, bucket * size);
      if (overlap > 0 && bucket < watchedIn.length) watchedIn[bucket] = (watchedIn[bucket] ?? 0) + overlap;
    }
  }
  return watchedIn.map((ms, bucket) => ms * 2 >= Math.min(size, durationMs - bucket * size));
}

export function fromBuckets(buckets: readonly boolean[], durationMs: number, bucketSec: number): TimeRange[] {
  const size = bucketSec * 1000;
  const ranges: TimeRange[] = [];
  buckets.forEach((on, bucket) => {
    if (on) ranges.push({ start: bucket * size, end: Math.min((bucket + 1) * size, durationMs) });
  });
  return mergeRanges(ranges);
}

export function encodeWatched(ranges: readonly TimeRange[], durationMs: number, bucketSec: number): string {
  const buckets = toBuckets(ranges, durationMs, bucketSec);
  const runs: number[] = [];
  let current = false;
  let length = 0;
  for (const on of buckets) {
    if (on === current) length += 1;
    else {
      runs.push(length);
      current = on;
      length = 1;
    }
  }
  if (current) runs.push(length);
  const runText = `r${runs.map((run) => run.toString(36)).join('.')}`;
  let bitText = 'b';
  for (let i = 0; i < buckets.length; i += 6) {
    let value = 0;
    for (let bit = 0; bit < 6; bit += 1) if (buckets[i + bit]) value |= 1 << bit;
    bitText += BITS.charAt(value);
  }
  return runText.length <= bitText.length ? runText : bitText;
}

/** Null when the text is not a watched encoding. Buckets past the lesson's end (it was re-published shorter) are dropped. */
export function decodeWatched(text: string, durationMs: number, bucketSec: number): TimeRange[] | null {
  const total = bucketCount(durationMs, bucketSec);
  const buckets: boolean[] = [];
  if (text === 'r') return [];
  if (text.startsWith('r')) {
    const parts = text.slice(1).split('.');
    let on = false;
    for (const part of parts) {
      if (!/^[0-9a-z]{1,6}$/.test(part)) return null;
      const run = Math.min(parseInt(part, 36), total - buckets.length);
      for (let i = 0; i < run; i += 1) buckets.push(on);
      on = !on;
    }
  } else if (text.startsWith('b')) {
    for (const char of text.slice(1)) {
      const value = BITS.indexOf(char);
      if (value < 0) return null;
      for (let bit = 0; bit < 6; bit += 1) buckets.push((value & (1 << bit)) !== 0);
    }
  } else return null;
  return fromBuckets(buckets.slice(0, total), durationMs, bucketSec);
}
