import { describe, expect, it } from 'vitest';
import { describeReason, describeViewing } from './wording';

describe('describeReason', () => {
  const now = Date.UTC(2026, 2, 10, 12);
  it('says each part of the stuck rule in a teacher’s words', () => {
    expect(describeReason({ kind: 'failed', questionId: 'q', questionNumber: 2 }, now)).toBe(
      'Missed question 2 on every try',
    );
    expect(describeReason({ kind: 'rewatched', startMs: 42_000, endMs: 55_000, times: 3 }, now)).toBe(
      'Went back over 0:42–0:55 3 more times',
    );
    expect(describeReason({ kind: 'idle', sinceMs: now - 2 * 24 * 3600_000 }, now)).toBe(
      'Stopped 2 days ago, before the end',
    );
  });
});

describe('describeViewing', () => {
  it('says what was jumped over, the pauses and the speeds, and nothing for a plain watch', () => {
    const viewing = {
      watchedMs: 20_000,
      furthestMs: 40_000,
      segments: [],
      skipped: [
        { startMs: 20_000, endMs: 40_000 },
        { startMs: 5_000, endMs: 5_400 },
      ],
      pauses: 2,
      seeks: 1,
      rates: [1, 1.5],
    };
    expect(describeViewing(viewing)).toBe('skipped 0:20–0:40 · 2 pauses · speed 1×, 1.5×');
    expect(describeViewing({ ...viewing, skipped: [], pauses: 0, rates: [1] })).toBe('');
    expect(describeViewing(null)).toBe('');
  });
});
