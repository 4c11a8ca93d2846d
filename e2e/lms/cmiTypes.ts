/**
 * Every value a SCO writes, checked against the data-model types of the standard itself, not only against what one
 * runtime happens to accept: SCORM 1.2 (CMI data model, RTE 3.4: CMIString255/4096, CMIDecimal, CMITimespan, CMITime,
 * CMIIdentifier, CMIFeedback per interaction type, the vocabularies) and SCORM 2004 4th edition (RTE 4.2:
 * characterstring SPM, real(10,7), time(second,10,0), timeinterval(second,10,2), long/short_identifier_type,
 * localized_string_type, the response and correct-response formats of RTE 4.2.9). Pure: the test LMS feeds it every
 * SetValue of a session, in order, because a response's type depends on the interaction's type set before it.
 */

export type ScormVersion = '12' | '2004';

export interface CmiProblem {
  readonly element: string;
  readonly value: string;
  readonly problem: string;
}

type Check = (value: string) => string | null;

const within =
  (max: number): Check =>
  (value) =>
    value.length <= max ? null : `is ${value.length} characters, more than ${max}`;
const oneOf =
  (...words: string[]): Check =>
  (value) =>
    words.includes(value) ? null : `is not one of ${words.map((word) => JSON.stringify(word)).join(', ')}`;
const matches =
  (pattern: RegExp, what: string): Check =>
  (value) =>
    pattern.test(value) ? null : `is not ${what}`;
const all =
  (...checks: Check[]): Check =>
  (value) => {
    for (const check of checks) {
      const problem = check(value);
      if (problem) return problem;
    }
    return null;
  };
const inRange =
  (min: number, max: number): Check =>
  (value) => {
    const number = Number(value);
    return number >= min && number <= max ? null : `is outside ${min}..${max}`;
  };

// SCORM 1.2 ----------------------------------------------------------------------------------------------------------

/** CMIDecimal: digits with an optional sign and decimal point; no exponent (RTE 3.4.2). */
const DECIMAL_12 = /^-?\d+(\.\d+)?$/;
const decimal12 = matches(DECIMAL_12, 'a CMIDecimal (digits, optional sign and point, no exponent)');
const blankOrDecimal12: Check = (value) => (value === '' ? null : decimal12(value));
/** CMITimespan: HHHH:MM:SS.SS, two to four hour digits. */
const timespan12 = matches(/^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/, 'a CMITimespan (HHHH:MM:SS.SS)');
/** CMITime: a time of day, HH:MM:SS.SS. */
const time12 = matches(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/, 'a CMITime (HH:MM:SS)');
/** CMIIdentifier: printable, no white space, at most 255. */
const identifier12 = matches(/^[\u0021-\u007E]{1,255}$/, 'a CMIIdentifier (1-255 printable characters, no space)');
const TYPES_12 = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'];

/** CMIFeedback depends on the interaction type (RTE 3.4.4, cmi.interactions.n.student_response). */
function feedback12(type: string | undefined): Check {
  switch (type) {
    case 'true-false':
      return matches(/^[01tf]$/, 'a true-false response (0, 1, t or f)');
    case 'choice':
      return matches(/^(\{)?[0-9a-z](,[0-9a-z])*(\})?$/, 'a choice response (single characters a-z, 0-9 joined by ,)');
    case 'fill-in':
      return within(255);
    case 'numeric':
      return decimal12;
    case 'likert':
      return matches(/^[0-9a-z]?$/, 'a likert response (one character)');
    case undefined:
      return () => 'is set before the interaction’s type, so it cannot be checked';
    default:
      return within(255);
  }
}

function element12(element: string, types: ReadonlyMap<string, string>): Check | null {
  const fixed: Record<string, Check> = {
    'cmi.core.lesson_location': within(255),
    'cmi.core.lesson_status': oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed'),
    'cmi.core.score.raw': all(blankOrDecimal12, (value) => (value === '' ? null : inRange(0, 100)(value))),
    'cmi.core.score.min': all(blankOrDecimal12, (value) => (value === '' ? null : inRange(0, 100)(value))),
    'cmi.core.score.max': all(blankOrDecimal12, (value) => (value === '' ? null : inRange(0, 100)(value))),
    'cmi.core.exit': oneOf('time-out', 'suspend', 'logout', ''),
    'cmi.core.session_time': timespan12,
    'cmi.suspend_data': within(4096),
    'cmi.comments': within(4096),
  };
  if (element in fixed) return fixed[element] ?? null;
  const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  if (!interaction) return null;
  const [, n = '', rest = ''] = interaction;
  const type = types.get(n);
  if (rest === 'id') return identifier12;
  if (rest === 'time') return time12;
  if (rest === 'type') return oneOf(...TYPES_12);
  if (rest === 'weighting') return decimal12;
  if (rest === 'latency') return timespan12;
  if (rest === 'result')
    return (value) => (['correct', 'wrong', 'unanticipated', 'neutral'].includes(value) ? null : decimal12(value));
  if (rest === 'student_response') return feedback12(type);
  if (/^correct_responses\.\d+\.pattern$/.test(rest)) return feedback12(type);
  if (/^objectives\.\d+\.id$/.test(rest)) return identifier12;
  return null;
}

// SCORM 2004 ---------------------------------------------------------------------------------------------------------

/** real(10,7): a decimal number; ADL's data model has no exponent form. */
const real = matches(/^-?\d+(\.\d+)?$/, 'a real(10,7) (digits, optional sign and point, no exponent)');
/** timeinterval(second,10,2): an ISO 8601 duration to the hundredth of a second; "P" or "PT" alone are not. */
const interval: Check = (value) =>
  /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(value)
    ? null
    : 'is not a timeinterval (ISO 8601 duration such as PT1M3.5S)';
/** time(second,10,0): an ISO 8601 date-time, as precise as the hundredth of a second, with an optional zone. */
const timestamp = matches(
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2})?)?)?(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?$/,
  'a time(second,10,0) (ISO 8601, at most two decimals of a second)',
);
/** long_identifier_type: a URI of at most 4000; a URN's namespace id is 1-31 letters, digits or dashes. */
const longIdentifier: Check = (value) => {
  if (value.length === 0 || value.length > 4000 || /\s/.test(value))
    return 'is not a long_identifier_type (a URI, 1-4000, no space)';
  if (/^urn:/i.test(value) && !/^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/i.test(value)) return 'is not a valid URN';
  return null;
};
/** short_identifier_type: the same, at most 250. */
const shortIdentifier: Check = (value) =>
  value.length > 0 && value.length <= 250 && !/\s/.test(value) && !value.includes('[,]')
    ? null
    : 'is not a short_identifier_type (1-250, no space)';
const LANG = /^\{lang=[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\}/;
/** localized_string_type: an optional {lang=…} delimiter, then at most `max` characters. */
const localized =
  (max: number): Check =>
  (value) => {
    const body = value.replace(LANG, '');
    if (body.startsWith('{')) return 'starts with an unknown {…} delimiter';
    return body.length <= max ? null : `has ${body.length} characters, more than ${max}`;
  };
const TYPES_2004 = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'likert',
  'matching',
  'performance',
  'sequencing',
  'numeric',
  'other',
];

const list = (value: string) => (value === '' ? [] : value.split('[,]'));

/** cmi.interactions.n.learner_response by type (RTE 4.2.9.2). */
function response2004(type: string | undefined): Check {
  switch (type) {
    case 'true-false':
      return oneOf('true', 'false');
    case 'choice':
      return (value) => {
        const items = list(value);
        if (new Set(items).size !== items.length) return 'names a choice twice';
        return items.map(shortIdentifier).find((problem) => problem !== null) ?? null;
      };
    case 'fill-in':
      return (value) =>
        list(value)
          .map(localized(250))
          .find((problem) => problem !== null) ?? null;
    case 'numeric':
      return real;
    case undefined:
      return () => 'is set before the interaction’s type, so it cannot be checked';
    default:
      return within(4000);
  }
}

/** cmi.interactions.n.correct_responses.n.pattern by type (RTE 4.2.9.1). */
function pattern2004(type: string | undefined): Check {
  switch (type) {
    case 'numeric':
      return (value) => {
        const range = /^(-?\d+(?:\.\d+)?)?\[:\](-?\d+(?:\.\d+)?)?$/.exec(value);
        if (!range) return 'is not a numeric range <min>[:]<max> (either side may be empty)';
        const [, min, max] = range;
        return min !== undefined && max !== undefined && Number(min) > Number(max)
          ? 'has its minimum above its maximum'
          : null;
      };
    case 'fill-in':
      return (value) => {
        const body = value.replace(/^(\{(case_matters|order_matters)=(true|false)\}){0,2}/, '');
        return (
          list(body)
            .map(localized(250))
            .find((problem) => problem !== null) ?? null
        );
      };
    default:
      return response2004(type);
  }
}

function element2004(element: string, types: ReadonlyMap<string, string>): Check | null {
  const fixed: Record<string, Check> = {
    'cmi.location': within(1000),
    'cmi.completion_status': oneOf('completed', 'incomplete', 'not attempted', 'unknown'),
    'cmi.success_status': oneOf('passed', 'failed', 'unknown'),
    'cmi.progress_measure': all(real, inRange(0, 1)),
    'cmi.score.scaled': all(real, inRange(-1, 1)),
    'cmi.score.raw': real,
    'cmi.score.min': real,
    'cmi.score.max': real,
    'cmi.exit': oneOf('time-out', 'suspend', 'logout', 'normal', ''),
    'cmi.session_time': interval,
    'cmi.suspend_data': within(64000),
  };
  if (element in fixed) return fixed[element] ?? null;
  const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  if (!interaction) return null;
  const [, n = '', rest = ''] = interaction;
  const type = types.get(n);
  if (rest === 'id') return longIdentifier;
  if (rest === 'type') return oneOf(...TYPES_2004);
  if (rest === 'timestamp') return timestamp;
  if (rest === 'weighting') return real;
  if (rest === 'latency') return interval;
  if (rest === 'description') return localized(250);
  if (rest === 'result')
    return (value) => (['correct', 'incorrect', 'unanticipated', 'neutral'].includes(value) ? null : real(value));
  if (rest === 'learner_response') return response2004(type);
  if (/^correct_responses\.\d+\.pattern$/.test(rest)) return pattern2004(type);
  if (/^objectives\.\d+\.id$/.test(rest)) return longIdentifier;
  return null;
}

/**
 * Checks one session's SetValue calls in order. An element outside the data model, or one a SCO may not write, is a
 * problem too: an LMS refuses it.
 */
export function checkCmiValues(version: ScormVersion, sets: readonly (readonly [string, string])[]): CmiProblem[] {
  const types = new Map<string, string>();
  const problems: CmiProblem[] = [];
  for (const [element, value] of sets) {
    const check = version === '12' ? element12(element, types) : element2004(element, types);
    const problem = check
      ? check(value)
      : `is not an element a SCO may write in SCORM ${version === '12' ? '1.2' : '2004'}`;
    if (problem) problems.push({ element, value, problem });
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type?.[1] !== undefined) types.set(type[1], value);
  }
  return problems;
}
