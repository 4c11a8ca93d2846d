import { describe, expect, it } from 'vitest';
import { EditRefusedError } from '../../timeline/editList';
import { setLessonRules } from './setLessonRules';
import { blankDocument } from '../testDocuments.testkit';

describe('setLessonRules', () => {
  const doc = blankDocument();

  it('changes some rules and keeps the rest, speeds in order', () => {
    const next = setLessonRules.run(doc, { navigation: 'free', masteryPercent: 70, playbackRates: [2, 1, 0.5] });
    expect(next.rules).toEqual({ ...doc.rules, navigation: 'free', masteryPercent: 70, playbackRates: [0.5, 1, 2] });
    expect(setLessonRules.label(doc, {})).toBe('Change learner rules');
  });

  it('refuses rules the player could not follow, in plain words', () => {
    expect(() => setLessonRules.run(doc, { playbackRates: [0.5, 2] })).toThrow(
      new EditRefusedError('Normal speed (1×) must always be allowed'),
    );
    expect(() => setLessonRules.run(doc, { masteryPercent: 120 })).toThrow(EditRefusedError);
  });
});
