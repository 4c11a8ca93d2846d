import { z } from 'zod';
import { gapsBetween, mergeRanges, type TimeRange } from '../timeline/ranges';

const ms = z.number().int().nonnegative();

/** A stretch of lesson time and how many times one learner played it. */
export const watchSegmentSchema = z.object({ startMs: ms, endMs: ms, count: z.number().int().positive() });
export type WatchSegment = z.infer<typeof watchSegmentSchema>;

export const msRangeSchema = z.object({ startMs: ms, endMs: ms });
export type MsRange = z.infer<typeof msRangeSchema>;

/** One learner's viewing record, boiled down: what the results screen and the stuck rule read. */
export const viewingSchema = z.object({
  watchedMs: ms,
  furthestMs: ms,
  segments: z.array(watchSegmentSchema),
  /** Lesson time before the furthest point reached that was never played: jumped over. */
  skipped: z.array(msRangeSchema),
  pauses: z.number().int().nonnegative(),
  seeks: z.number().int().nonnegative(),
  /** Every speed played at, slowest first. */
  rates: z.array(z.number()),
});
export type Viewing = z.infer<typeof viewingSchema>;

export interface PlayedSpan {
  readonly fromMs: number;
  readonly toMs: number;
  readonly rate: number;
}

/**
 * How many times each stretch of the lesson was played: a sweep over the spans' starts and ends. Neighbouring
 * stretches with the same count are joined, so the result is as short as the story it tells.
 */
export function watchSegments(spans: readonly PlayedSpan[]): WatchSegment[] {
  const edges = new Map<number, number>();
  for (const span of spans) {
    if (span.toMs <= span.fromMs) continue;
    edges.set(span.fromMs, (edges.get(span.fromMs) ?? 0) + 1);
    edges.set(span.toMs, (edges.get(span.toMs) ?? 0) - 1);
  }
  const points = [...edges.keys()].sort((a, b) => a - b);
  const segments: WatchSegment[] = [];
  let count = 0;
  for (const [index, point] of points.entries()) {
    count += edges.get(point) ?? 0;
    const next = points[index + 1];
    if (next === undefined || count <= 0) continue;
    const last = segments.at(-1);
    if (last && last.endMs === point && last.count === count) last.endMs = next;
    else segments.push({ startMs: point, endMs: next, count });
  }
  return segments;
}

export interface ViewingInput {
  readonly spans: readonly PlayedSpan[];
  readonly pauses: number;
  readonly seeks: number;
  /** The furthest point the player said it reached (its bookmark), which a resume can carry past the spans. */
  readonly furthestMs?: number;
}

export function summarizeViewing(input: ViewingInput): Viewing {
  const played: TimeRange[] = mergeRanges(input.spans.map((span) => ({ start: span.fromMs, end: span.toMs })));
  const furthestMs = Math.max(input.furthestMs ?? 0, ...played.map((range) => range.end), 0);
  return {
    watchedMs: played.reduce((total, range) => total + range.end - range.start, 0),
    furthestMs,
    segments: watchSegments(input.spans),
    skipped: gapsBetween(played, 0, furthestMs).map((gap) => ({ startMs: gap.start, endMs: gap.end })),
    pauses: input.pauses,
    seeks: input.seeks,
    rates: [...new Set(input.spans.map((span) => span.rate))].sort((a, b) => a - b),
  };
}

/** Shorter stretches are the seams between two reports of one playthrough, not a learner going back. */
export const REWATCH_MIN_MS = 1000;

/** The stretches played more than once, each with how many times it was played again. */
export function rewatchedRanges(viewing: Pick<Viewing, 'segments'>): (MsRange & { times: number })[] {
  const merged: (MsRange & { times: number })[] = [];
  for (const segment of viewing.segments) {
    if (segment.count < 2) continue;
    const last = merged.at(-1);
    if (last && last.endMs === segment.startMs) {
      last.endMs = segment.endMs;
      last.times = Math.max(last.times, segment.count - 1);
    } else merged.push({ startMs: segment.startMs, endMs: segment.endMs, times: segment.count - 1 });
  }
  return merged.filter((range) => range.endMs - range.startMs >= REWATCH_MIN_MS);
}

/**
 * The heat strip: for each of `bins` equal parts of the lesson, how many learners went back over it (a re-watched
 * stretch, as `rewatchedRanges` finds them, covers the part's middle).
 */
export function rewatchHeat(
  viewings: readonly Pick<Viewing, 'segments'>[],
  durationMs: number,
  bins: number,
): number[] {
  const heat = new Array<number>(bins).fill(0);
  if (durationMs <= 0) return heat;
  const binMs = durationMs / bins;
  for (const viewing of viewings) {
    const seen = new Set<number>();
    for (const range of rewatchedRanges(viewing)) {
      const first = Math.max(0, Math.ceil(range.startMs / binMs - 0.5));
      for (let bin = first; bin < bins && (bin + 0.5) * binMs < range.endMs; bin += 1) seen.add(bin);
    }
    for (const bin of seen) heat[bin] = (heat[bin] ?? 0) + 1;
  }
  return heat;
}
