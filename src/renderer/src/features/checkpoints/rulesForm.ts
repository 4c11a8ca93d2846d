import { lessonRulesSchema, type LessonRules } from '@shared/checkpoints/schema';
import { parseNumber } from './questionDraft';

/** The speeds offered as ticks; any other speed a lesson already allows is offered too. */
export const SPEEDS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

export interface RulesForm {
  readonly navigation: LessonRules['navigation'];
  readonly pauseAgainWhenAnswered: boolean;
  readonly scoring: LessonRules['scoring'];
  readonly mastery: string;
  readonly minWatched: string;
  readonly requireAll: boolean;
  readonly rates: readonly number[];
}

export function rulesToForm(rules: LessonRules): RulesForm {
  return {
    navigation: rules.navigation,
    pauseAgainWhenAnswered: rules.pauseAgainWhenAnswered,
    scoring: rules.scoring,
    mastery: String(rules.masteryPercent),
    minWatched: String(rules.completion.minWatchedPercent),
    requireAll: rules.completion.requireAllRequiredCheckpoints,
    rates: rules.playbackRates,
  };
}

type RuleErrors = Partial<Record<'masteryPercent' | 'minWatchedPercent' | 'other', string>>;

/** The rules the form describes, or what is wrong, by field; 1× is put back if it was ever taken out. */
export function rulesFromForm(
  form: RulesForm,
): { ok: true; rules: LessonRules; errors: RuleErrors } | { ok: false; errors: RuleErrors } {
  const rates = [...new Set([1, ...form.rates])].sort((a, b) => a - b);
  const result = lessonRulesSchema.safeParse({
    navigation: form.navigation,
    pauseAgainWhenAnswered: form.pauseAgainWhenAnswered,
    scoring: form.scoring,
    masteryPercent: parseNumber(form.mastery),
    completion: { minWatchedPercent: parseNumber(form.minWatched), requireAllRequiredCheckpoints: form.requireAll },
    playbackRates: rates,
  });
  if (result.success) return { ok: true, rules: result.data, errors: {} };
  const errors: RuleErrors = {};
  for (const issue of result.error.issues) {
    const key =
      issue.path.at(-1) === 'masteryPercent'
        ? 'masteryPercent'
        : issue.path.at(-1) === 'minWatchedPercent'
          ? 'minWatchedPercent'
          : 'other';
    errors[key] ??= /expected number/.test(issue.message) ? 'Enter a number between 0 and 100' : issue.message;
  }
  return { ok: false, errors };
}
