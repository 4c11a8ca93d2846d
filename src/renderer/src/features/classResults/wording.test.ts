import { describe, expect, it } from 'vitest';
import { describeReason } from './wording';

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
