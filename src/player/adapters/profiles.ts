import type { Interaction } from '../adapter';
import { description2004, responses12, responses2004, type ChoiceLetter } from './responses';
import type { Pairs, ScormProfile } from './scormAdapter';
import { clockTime12, decimal, decimalDown, duration2004, timespan12, timestamp2004 } from './scormTime';

export interface ProfileContext {
  readonly letterOf: ChoiceLetter;
  readonly readNumber: (text: string) => number | null;
  readonly language: string;
}

/** The bookmark both standards keep: whole seconds of lesson time (the exact place is in the suspend data). */
const bookmark = (ms: number) => String(Math.floor(ms / 1000));

export function scorm12Profile(context: ProfileContext): ScormProfile {
  return {
    name: 'SCORM 1.2',
    suspendData: 'cmi.suspend_data',
    mode: 'cmi.core.lesson_mode',
    learnerName: 'cmi.core.student_name',
    interactionCount: 'cmi.interactions._count',
    progress: (progress) => [['cmi.core.lesson_location', bookmark(progress.locationMs)]],
    // 1.2 has no scaled score: raw is reported on 0-100 so an LMS's masteryscore (also 0-100) compares with it.
    score: (score) => [
      ['cmi.core.score.raw', decimalDown(score.scaled * 100, 2)],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
    ],
    completion: (status) => [
      ['cmi.core.lesson_status', status.success === 'unknown' ? status.completion : status.success],
    ],
    interaction(n, interaction) {
      const formatted = responses12(interaction, context.letterOf, context.readNumber);
      const at = `cmi.interactions.${n}`;
      const pairs: [string, string][] = [
        [`${at}.id`, interaction.id],
        [`${at}.type`, formatted.type],
        ...(formatted.response === null ? [] : [[`${at}.student_response`, formatted.response] as [string, string]]),
        ...formatted.patterns
          .slice(0, 1)
          .map((pattern): [string, string] => [`${at}.correct_responses.0.pattern`, pattern]),
        [`${at}.result`, interaction.result === 'correct' ? 'correct' : 'wrong'],
        [`${at}.latency`, timespan12(interaction.latencyMs)],
        [`${at}.time`, clockTime12(interaction.timestamp)],
      ];
      return pairs;
    },
    sessionTime: (ms) => [['cmi.core.session_time', timespan12(ms)]],
    exit: (over) => [['cmi.core.exit', over ? '' : 'suspend']],
  };
}

export function scorm2004Profile(context: ProfileContext): ScormProfile {
  return {
    name: 'SCORM 2004 4th edition',
    suspendData: 'cmi.suspend_data',
    mode: 'cmi.mode',
    learnerName: 'cmi.learner_name',
    interactionCount: 'cmi.interactions._count',
    progress: (progress) => [
      ['cmi.location', bookmark(progress.locationMs)],
      ['cmi.progress_measure', decimal(progress.progressMeasure, 4)],
    ],
    score: (score) => [
      ['cmi.score.scaled', decimalDown(score.scaled, 4)],
      ['cmi.score.raw', decimal(score.raw, 2)],
      ['cmi.score.min', decimal(score.min, 2)],
      ['cmi.score.max', decimal(score.max, 2)],
    ],
    completion: (status) => [
      ['cmi.completion_status', status.completion],
      ['cmi.success_status', status.success],
    ],
    interaction: (n, interaction) => interactionPairs2004(n, interaction, context),
    sessionTime: (ms) => [['cmi.session_time', duration2004(ms)]],
    exit: (over) => [['cmi.exit', over ? 'normal' : 'suspend']],
  };
}

function interactionPairs2004(n: number, interaction: Interaction, context: ProfileContext): Pairs {
  const formatted = responses2004(interaction, context.letterOf, context.readNumber);
  const at = `cmi.interactions.${n}`;
  return [
    [`${at}.id`, interaction.id],
    [`${at}.type`, formatted.type],
    [`${at}.timestamp`, timestamp2004(interaction.timestamp)],
    ...formatted.patterns.map((pattern, index): [string, string] => [
      `${at}.correct_responses.${index}.pattern`,
      pattern,
    ]),
    ...(formatted.response === null ? [] : [[`${at}.learner_response`, formatted.response] as const]),
    [`${at}.result`, interaction.result],
    [`${at}.latency`, duration2004(interaction.latencyMs)],
    [`${at}.description`, description2004(interaction.description, context.language)],
  ];
}
