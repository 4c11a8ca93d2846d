import { describe, expect, it } from 'vitest';
import { rules } from '@shared/checkpoints/testFixtures';
import { rulesFromForm, rulesToForm } from './rulesForm';

describe('the learner rules form', () => {
  it('round-trips the rules, always keeping 1×', () => {
    const saved = rules({ navigation: 'free', masteryPercent: 70, scoring: 'firstAttempt' });
    expect(rulesFromForm(rulesToForm(saved))).toMatchObject({ ok: true, rules: saved });
    const withoutNormal = rulesFromForm({ ...rulesToForm(saved), rates: [2, 0.5] });
    expect(withoutNormal.ok && withoutNormal.rules.playbackRates).toEqual([0.5, 1, 2]);
  });

  it('says which percentage is wrong, in plain words', () => {
    const form = rulesToForm(rules());
    expect(rulesFromForm({ ...form, mastery: 'lots' }).errors).toEqual({
      masteryPercent: 'Enter a number between 0 and 100',
    });
    expect(rulesFromForm({ ...form, minWatched: '150' }).errors).toEqual({ minWatchedPercent: 'Between 0 and 100%' });
  });
});
