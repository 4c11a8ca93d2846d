import type { Interaction } from '../adapter';
import { plainDecimal } from './scormTime';

/**
 * An interaction's response and correct pattern as each standard writes them. Choice ids become letters a-t by the
 * choice's place in its question: SCORM 1.2 allows only single characters, and letters read the same in both reports.
 */
export type ChoiceLetter = (checkpointId: string, choiceId: string) => string | null;

export interface FormattedResponse {
  readonly type: 'choice' | 'true-false' | 'fill-in' | 'numeric';
  /** null when the standard's type cannot hold it (a number beyond any LMS decimal): the element is left out. */
  readonly response: string | null;
  /** Each is one correct_responses.n.pattern; empty when the standard cannot express the answer. */
  readonly patterns: readonly string[];
}

const letters = (
  interaction: Extract<Interaction, { type: 'choice' }>,
  letterOf: ChoiceLetter,
  ids: readonly string[],
) => ids.map((id) => letterOf(interaction.id, id)).filter((letter): letter is string => letter !== null);

/** SCORM 1.2: choice "a,c"; true-false "t"/"f"; fill-in plain text ≤ 255; numeric a decimal. */
export function responses12(
  interaction: Interaction,
  letterOf: ChoiceLetter,
  readNumber: (text: string) => number | null,
): FormattedResponse {
  switch (interaction.type) {
    case 'choice':
      return {
        type: 'choice',
        response: letters(interaction, letterOf, interaction.learnerResponse).join(','),
        patterns: [letters(interaction, letterOf, interaction.correctResponse).join(',')],
      };
    case 'true-false':
      return {
        type: 'true-false',
        response: interaction.learnerResponse ? 't' : 'f',
        patterns: [interaction.correctResponse ? 't' : 'f'],
      };
    case 'fill-in':
      // 1.2 keeps one pattern per interaction (most LMSs read only .0), so the first accepted answer stands for all.
      return {
        type: 'fill-in',
        response: clip12(interaction.learnerResponse),
        patterns: interaction.correctResponse.slice(0, 1).map(clip12),
      };
    case 'numeric': {
      const { min, max } = interaction.correctResponse;
      // 1.2 has no range pattern: an exact answer is written, a range is left for the result to speak for.
      const exact = min === max ? plainDecimal(min) : null;
      return {
        type: 'numeric',
        response: numberResponse(interaction.learnerResponse, readNumber),
        patterns: exact === null ? [] : [exact],
      };
    }
  }
}

/** SCORM 2004: "[,]" between choices, "{case_matters=…}" on fill-in, "min[:]max" for numeric answers (RTE 4.2.9.1). */
export function responses2004(
  interaction: Interaction,
  letterOf: ChoiceLetter,
  readNumber: (text: string) => number | null,
): FormattedResponse {
  switch (interaction.type) {
    case 'choice':
      return {
        type: 'choice',
        response: letters(interaction, letterOf, interaction.learnerResponse).join('[,]'),
        patterns: [letters(interaction, letterOf, interaction.correctResponse).join('[,]')],
      };
    case 'true-false':
      return {
        type: 'true-false',
        response: String(interaction.learnerResponse),
        patterns: [String(interaction.correctResponse)],
      };
    case 'fill-in':
      return {
        type: 'fill-in',
        response: fillIn(interaction.learnerResponse),
        // Each accepted answer is an alternative correct response (the standard allows ten for fill-in).
        patterns: interaction.correctResponse
          .slice(0, 10)
          .map((answer) => `{case_matters=${String(interaction.caseMatters)}}${fillIn(answer)}`),
      };
    case 'numeric': {
      // An exact answer is the range from it to itself: the pattern always has its [:] delimiter.
      const low = plainDecimal(interaction.correctResponse.min);
      const high = plainDecimal(interaction.correctResponse.max);
      return {
        type: 'numeric',
        response: numberResponse(interaction.learnerResponse, readNumber),
        patterns: low === null || high === null ? [] : [`${low}[:]${high}`],
      };
    }
  }
}

/** A localized string_type of at most 250 characters: "[,]" would split it and a leading "{" would read as a tag. */
export function fillIn(text: string): string {
  return clipUnits(
    text
      .replace(/\[[,.:]\]/g, ' ')
      .replace(/^\{/, '(')
      .trim(),
    250,
  );
}

/** cmi.interactions.n.description: a localized string with its language, at most 250 characters. */
export function description2004(text: string, language: string): string {
  return `{lang=${language}}${clipUnits(text.replace(/^\{/, '('), 250)}`;
}

function clip12(text: string): string {
  return clipUnits(text, 255);
}

/** Cut to `max` UTF-16 units without splitting a surrogate pair (runtimes count units, not characters). */
export function clipUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The learner's number as a plain decimal; "" when it could not be read, null when no LMS decimal holds it. */
function numberResponse(text: string, readNumber: (text: string) => number | null): string | null {
  const value = readNumber(text);
  return value === null ? '' : plainDecimal(value);
}
