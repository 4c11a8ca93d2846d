import { describe, expect, it } from 'vitest';
import { attemptResult } from './attempt';
import type { CompletionReport } from './gating';

const report = (change: Partial<CompletionReport>): CompletionReport => ({
  completion: 'completed',
  success: 'passed',
  scaled: 1,
  raw: 2,
  max: 2,
  progressMeasure: 1,
  watchedPercent: 100,
  ...change,
});

describe('attemptResult', () => {
  it('is over once completed and passed, or completed with nothing to score', () => {
    expect(attemptResult(report({}), true)).toEqual({
      completion: 'completed',
      success: 'passed',
      progressMeasure: 1,
      over: true,
    });
    expect(attemptResult(report({ success: 'unknown', max: 0 }), true).over).toBe(true);
  });

  it('stays open, incomplete with no verdict, while the lesson is not completed, whatever the score says', () => {
    for (const success of ['passed', 'failed', 'unknown'] as const)
      expect(attemptResult(report({ completion: 'incomplete', success, progressMeasure: 0.4 }), false)).toEqual({
        completion: 'incomplete',
        success: 'unknown',
        progressMeasure: 0.4,
        over: false,
      });
  });

  it('keeps a failed attempt open while a question can still be tried, with progress below 1', () => {
    expect(attemptResult(report({ success: 'failed' }), true)).toEqual({
      completion: 'incomplete',
      success: 'unknown',
      progressMeasure: 0.99,
      over: false,
    });
    expect(attemptResult(report({ success: 'failed' }), false)).toMatchObject({ success: 'failed', over: true });
  });
});
