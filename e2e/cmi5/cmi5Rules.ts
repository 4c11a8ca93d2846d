/**
 * The cmi5 rules an AU's statements must keep (cmi5 sections 7.1, 9.3, 9.5, 9.6, 10.2.2), checked on what the LRS
 * stored for one AU in one registration. Pure, with its own tests: the e2e specs run it on every session.
 */

export interface CheckedStatement {
  readonly id: string;
  readonly timestamp: string;
  readonly verb: { readonly id: string };
  readonly object: { readonly id: string };
  readonly result?: Readonly<Record<string, unknown>>;
  readonly context?: {
    readonly registration?: string;
    readonly contextActivities?: Readonly<Record<string, readonly { readonly id: string }[] | undefined>>;
    readonly extensions?: Readonly<Record<string, unknown>>;
  };
}

export interface AuSessions {
  readonly registration: string;
  /** The LMS's activity id for the AU: the object of every cmi5-defined statement. */
  readonly activityId: string;
  /** The publisher id from cmi5.xml, in contextActivities.grouping of every statement. */
  readonly publisherId: string;
  readonly masteryScore: number | null;
  /** In launch order. */
  readonly sessions: readonly { readonly id: string; readonly mode: 'Normal' | 'Browse' | 'Review' }[];
}

const ADL = 'http://adlnet.gov/expapi/verbs/';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'].map((verb) => ADL + verb);
const LMS_VERBS = [
  ADL + 'launched',
  'https://w3id.org/xapi/adl/verbs/abandoned',
  'https://w3id.org/xapi/adl/verbs/satisfied',
];
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

const verbOf = (statement: CheckedStatement) => statement.verb.id.replace(ADL, '');
const categories = (statement: CheckedStatement) =>
  (statement.context?.contextActivities?.category ?? []).map((activity) => activity.id);
const isDefined = (statement: CheckedStatement) => categories(statement).includes(CMI5);

/** Every broken rule, one line each; empty when the AU kept them all. */
export function cmi5Problems(all: readonly CheckedStatement[], au: AuSessions): string[] {
  const problems: string[] = [];
  const say = (statement: CheckedStatement, problem: string) =>
    problems.push(`${verbOf(statement)} ${statement.id}: ${problem}`);
  const ordered = [...all].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const fromAu = ordered.filter((statement) => !LMS_VERBS.includes(statement.verb.id));

  for (const statement of fromAu) {
    if (statement.context?.registration !== au.registration) say(statement, 'has not the launch registration');
    const grouping = statement.context?.contextActivities?.grouping ?? [];
    if (!grouping.some((activity) => activity.id === au.publisherId)) say(statement, 'lost the publisher id grouping');
    if (!au.sessions.some((session) => session.id === statement.context?.extensions?.[SESSION]))
      say(statement, 'names no session the LMS launched');
    if (DEFINED.includes(statement.verb.id) !== isDefined(statement))
      say(
        statement,
        isDefined(statement)
          ? 'carries the cmi5 category but is no cmi5 verb'
          : 'a cmi5 verb without the cmi5 category',
      );
    if (isDefined(statement)) checkDefined(statement, au, say);
  }

  for (const session of au.sessions) {
    const own = fromAu.filter((statement) => statement.context?.extensions?.[SESSION] === session.id);
    if (own.length === 0) continue;
    const verbs = own.map(verbOf);
    if (verbs[0] !== 'initialized')
      problems.push(`session ${session.id}: the first statement is ${verbs[0] ?? 'none'}, not initialized`);
    const terminated = verbs.indexOf('terminated');
    if (terminated >= 0 && terminated !== verbs.length - 1)
      problems.push(`session ${session.id}: ${verbs.length - 1 - terminated} statement(s) after terminated`);
    const defined = own.filter(isDefined).map(verbOf);
    for (const verb of new Set(defined))
      if (defined.filter((each) => each === verb).length > 1) problems.push(`session ${session.id}: ${verb} twice`);
    if (defined.includes('passed') && defined.includes('failed'))
      problems.push(`session ${session.id}: both passed and failed`);
    if (session.mode !== 'Normal' && verbs.some((verb) => verb !== 'initialized' && verb !== 'terminated'))
      problems.push(`session ${session.id}: ${session.mode} mode recorded ${verbs.join(', ')}`);
  }

  const defined = fromAu.filter(isDefined).map(verbOf);
  if (defined.filter((verb) => verb === 'completed').length > 1)
    problems.push('completed more than once in the registration');
  if (defined.filter((verb) => verb === 'passed').length > 1)
    problems.push('passed more than once in the registration');
  const passedAt = defined.indexOf('passed');
  if (passedAt >= 0 && defined.slice(passedAt).includes('failed'))
    problems.push('failed after passed in the registration');
  return problems;
}

/** Result properties, categories and extensions exactly as section 9.5-9.6 give them to each defined verb. */
function checkDefined(
  statement: CheckedStatement,
  au: AuSessions,
  say: (s: CheckedStatement, p: string) => void,
): void {
  const verb = verbOf(statement);
  const result = statement.result ?? {};
  if (statement.object.id !== au.activityId) say(statement, 'is not about the launched activity id');
  const judged = verb === 'passed' || verb === 'failed';
  if ('score' in result && !judged) say(statement, 'has a score');
  if ('success' in result !== judged) say(statement, judged ? 'has no success' : 'has a success');
  if (judged && result.success !== (verb === 'passed')) say(statement, 'says the opposite success');
  if ('completion' in result !== (verb === 'completed'))
    say(statement, verb === 'completed' ? 'has no completion' : 'has a completion');
  if (verb !== 'initialized' && typeof result.duration !== 'string') say(statement, 'has no duration');
  const moveOn = categories(statement).includes(MOVE_ON);
  if (moveOn !== (judged || verb === 'completed'))
    say(statement, moveOn ? 'has the moveOn category' : 'lacks the moveOn category');
  const scaled = (result.score as { scaled?: unknown } | undefined)?.scaled;
  if (judged && au.masteryScore !== null) {
    if (statement.context?.extensions?.[MASTERY] !== au.masteryScore) say(statement, 'does not carry the masteryScore');
    if (typeof scaled === 'number' && (verb === 'passed') !== scaled >= au.masteryScore)
      say(statement, `scaled ${scaled} against masteryScore ${au.masteryScore}`);
  }
}

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

/** Section 13.1.4: whether the LMS may count the AU satisfied from what it received. */
export function moveOnSatisfied(moveOn: MoveOn, statements: readonly CheckedStatement[]): boolean {
  const verbs = new Set(statements.filter(isDefined).map(verbOf));
  const completed = verbs.has('completed');
  const passed = verbs.has('passed');
  switch (moveOn) {
    case 'Passed':
      return passed;
    case 'Completed':
      return completed;
    case 'CompletedAndPassed':
      return completed && passed;
    case 'CompletedOrPassed':
      return completed || passed;
    case 'NotApplicable':
      return true;
  }
}
