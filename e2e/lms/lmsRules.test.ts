import { describe, expect, it } from 'vitest';
import type { ManifestInput } from '../../src/shared/publish/manifestInput';
import { scorm12Manifest } from '../../src/shared/publish/scorm12Manifest';
import { scorm2004Manifest } from '../../src/shared/publish/scorm2004Manifest';
import { attemptIsOver, manifestRules, nextLaunch } from './lmsRules';

const input: ManifestInput = {
  lessonId: 'l1',
  title: 'Forces',
  description: '',
  language: 'en',
  version: '1.0',
  masteryPercent: 80,
  files: ['index.html'],
  launch: 'index.html',
};

describe('manifestRules', () => {
  it('reads the 1.2 masteryscore, and the 2004 passing score and completion threshold', () => {
    expect(manifestRules('12', scorm12Manifest(input))).toEqual({
      masteryScore: '80',
      scaledPassingScore: null,
      completionThreshold: null,
    });
    expect(manifestRules('2004', scorm2004Manifest(input))).toEqual({
      masteryScore: null,
      scaledPassingScore: '0.8',
      completionThreshold: '1.0',
    });
  });

  it('finds no mastery in a lesson with nothing to score', () => {
    expect(manifestRules('12', scorm12Manifest({ ...input, masteryPercent: null })).masteryScore).toBeNull();
    expect(manifestRules('2004', scorm2004Manifest({ ...input, masteryPercent: null })).scaledPassingScore).toBeNull();
  });
});

describe('nextLaunch', () => {
  const stored = (cmi: Record<string, unknown>) => ({ number: 3, cmi });

  it('starts the first attempt afresh', () => {
    expect(nextLaunch('12', null)).toEqual({
      attempt: 1,
      mode: 'normal',
      credit: 'credit',
      entry: 'ab-initio',
      data: null,
    });
  });

  it('resumes with the stored data only after exit = suspend', () => {
    const suspended = { core: { lesson_status: 'incomplete', exit: 'suspend' } };
    expect(nextLaunch('12', stored(suspended))).toEqual({
      attempt: 3,
      mode: 'normal',
      credit: 'credit',
      entry: 'resume',
      data: suspended,
    });
    expect(nextLaunch('2004', stored({ completion_status: 'incomplete', exit: '' }))).toMatchObject({
      attempt: 4,
      entry: 'ab-initio',
      data: null,
    });
  });

  it('opens review mode, without credit, after an attempt that is completed, passed or failed', () => {
    for (const status of ['completed', 'passed', 'failed'])
      expect(nextLaunch('12', stored({ core: { lesson_status: status, exit: 'suspend' } }))).toMatchObject({
        mode: 'review',
        credit: 'no-credit',
        entry: '',
      });
    expect(attemptIsOver('2004', { completion_status: 'completed', success_status: 'unknown' })).toBe(true);
    expect(attemptIsOver('2004', { completion_status: 'incomplete', success_status: 'failed' })).toBe(true);
    expect(attemptIsOver('2004', { completion_status: 'incomplete', success_status: 'unknown' })).toBe(false);
  });
});
