import { describe, expect, it } from 'vitest';
import { checkCmiValues } from './cmiTypes';

const problemsOf = (version: '12' | '2004', sets: [string, string][]) =>
  checkCmiValues(version, sets).map((found) => `${found.element} ${found.problem}`);

describe('checkCmiValues, SCORM 1.2 (CMI data model)', () => {
  it('accepts what a conformant SCO writes', () => {
    expect(
      problemsOf('12', [
        ['cmi.core.lesson_location', '12'],
        ['cmi.core.lesson_status', 'incomplete'],
        ['cmi.core.exit', 'suspend'],
        ['cmi.core.exit', ''],
        ['cmi.core.session_time', '0000:01:02.50'],
        ['cmi.core.score.raw', '66.66'],
        ['cmi.suspend_data', 'FS1:{}'],
        ['cmi.interactions.0.id', 'a1f0c3d2-0000-4000-8000-000000000001'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.student_response', 'a,c'],
        ['cmi.interactions.0.correct_responses.0.pattern', 'b'],
        ['cmi.interactions.0.result', 'wrong'],
        ['cmi.interactions.0.latency', '00:00:04.20'],
        ['cmi.interactions.0.time', '14:03:59'],
        ['cmi.interactions.1.type', 'numeric'],
        ['cmi.interactions.1.student_response', '0.0000001'],
        ['cmi.interactions.2.type', 'true-false'],
        ['cmi.interactions.2.student_response', 't'],
      ]),
    ).toEqual([]);
  });

  it('refuses exponents, wrong vocabularies, bad times and unknown elements', () => {
    expect(
      problemsOf('12', [
        ['cmi.interactions.0.type', 'numeric'],
        ['cmi.interactions.0.student_response', '1e+21'],
        ['cmi.core.score.raw', '1e-7'],
        ['cmi.core.score.raw', '101'],
        ['cmi.core.lesson_status', 'not attempted'],
        ['cmi.core.exit', 'normal'],
        ['cmi.core.session_time', 'PT1S'],
        ['cmi.interactions.0.time', '25:00:00'],
        ['cmi.interactions.1.type', 'true-false'],
        ['cmi.interactions.1.student_response', 'true'],
        ['cmi.interactions.2.id', 'has space'],
        ['cmi.core.student_name', 'Ann'],
        ['cmi.interactions.3.student_response', 'x'],
      ]),
    ).toEqual([
      expect.stringMatching(/^cmi.interactions.0.student_response is not a CMIDecimal/),
      expect.stringMatching(/^cmi.core.score.raw is not a CMIDecimal/),
      'cmi.core.score.raw is outside 0..100',
      expect.stringMatching(/^cmi.core.lesson_status is not one of/),
      expect.stringMatching(/^cmi.core.exit is not one of/),
      expect.stringMatching(/^cmi.core.session_time is not a CMITimespan/),
      expect.stringMatching(/^cmi.interactions.0.time is not a CMITime/),
      expect.stringMatching(/^cmi.interactions.1.student_response is not a true-false response/),
      expect.stringMatching(/^cmi.interactions.2.id is not a CMIIdentifier/),
      'cmi.core.student_name is not an element a SCO may write in SCORM 1.2',
      expect.stringMatching(/^cmi.interactions.3.student_response is set before the interaction’s type/),
    ]);
  });
});

describe('checkCmiValues, SCORM 2004 (RTE 4.2)', () => {
  it('accepts what a conformant SCO writes', () => {
    expect(
      problemsOf('2004', [
        ['cmi.location', '12'],
        ['cmi.progress_measure', '0.4567'],
        ['cmi.completion_status', 'incomplete'],
        ['cmi.success_status', 'unknown'],
        ['cmi.exit', 'suspend'],
        ['cmi.session_time', 'PT1M3.5S'],
        ['cmi.session_time', 'PT0S'],
        ['cmi.score.scaled', '0.8'],
        ['cmi.interactions.0.id', 'a1f0c3d2-0000-4000-8000-000000000001'],
        ['cmi.interactions.0.type', 'numeric'],
        ['cmi.interactions.0.timestamp', '2025-01-02T03:04:05.06Z'],
        ['cmi.interactions.0.correct_responses.0.pattern', '3[:]3'],
        ['cmi.interactions.0.correct_responses.0.pattern', '[:]4.5'],
        ['cmi.interactions.0.learner_response', '0.0000001'],
        ['cmi.interactions.0.description', '{lang=fr-CA}Quelle force ?'],
        ['cmi.interactions.1.type', 'fill-in'],
        ['cmi.interactions.1.correct_responses.0.pattern', '{case_matters=true}Paris'],
        ['cmi.interactions.1.learner_response', 'paris'],
        ['cmi.interactions.2.type', 'choice'],
        ['cmi.interactions.2.learner_response', 'a[,]c'],
        ['cmi.interactions.2.result', 'incorrect'],
        ['cmi.interactions.2.latency', 'PT4.2S'],
      ]),
    ).toEqual([]);
  });

  it('refuses a bare numeric pattern, exponents, bad intervals and out-of-range measures', () => {
    expect(
      problemsOf('2004', [
        ['cmi.interactions.0.type', 'numeric'],
        ['cmi.interactions.0.correct_responses.0.pattern', '3'],
        ['cmi.interactions.0.correct_responses.1.pattern', '5[:]4'],
        ['cmi.interactions.0.learner_response', '1e-7'],
        ['cmi.progress_measure', '1.2'],
        ['cmi.session_time', 'PT'],
        ['cmi.interactions.0.timestamp', '2025-01-02T03:04:05.123Z'],
        ['cmi.interactions.1.type', 'choice'],
        ['cmi.interactions.1.learner_response', 'a[,]a'],
        ['cmi.interactions.0.description', '{bogus}text'],
        ['cmi.exit', 'finished'],
      ]),
    ).toEqual([
      expect.stringMatching(/pattern is not a numeric range/),
      expect.stringMatching(/pattern has its minimum above its maximum/),
      expect.stringMatching(/learner_response is not a real\(10,7\)/),
      'cmi.progress_measure is outside 0..1',
      expect.stringMatching(/^cmi.session_time is not a timeinterval/),
      expect.stringMatching(/^cmi.interactions.0.timestamp is not a time/),
      'cmi.interactions.1.learner_response names a choice twice',
      'cmi.interactions.0.description starts with an unknown {…} delimiter',
      expect.stringMatching(/^cmi.exit is not one of/),
    ]);
  });
});
