import type { Interaction } from '../../adapter';
import { responses2004, type ChoiceLetter } from '../responses';
import { duration2004 } from '../scormTime';
import type { Agent } from './launch';

/** An xAPI statement as we build it: plain JSON. */
export type Statement = Record<string, unknown> & { readonly id: string };

const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
} as const;
type Verb = keyof typeof VERB;

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

export interface StatementContext {
  readonly actor: Agent;
  readonly activityId: string;
  readonly registration: string;
  /** LMS.LaunchData's contextTemplate: the session id and publisher id grouping, never overwritten. */
  readonly contextTemplate: Record<string, unknown>;
  readonly masteryScore: number | undefined;
  readonly language: string;
  readonly letterOf: ChoiceLetter;
  readonly readNumber: (text: string) => number | null;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface ScoreData {
  readonly scaled: number;
  readonly raw: number;
  readonly min: number;
  readonly max: number;
}

type ContextActivities = Record<string, { id: string }[]>;

/**
 * The context of a statement: the template as the LMS wrote it, the registration, and for cmi5-defined statements the
 * cmi5 category (and moveOn for those that carry success or completion). Nothing in the template is overwritten.
 */
function contextOf(
  session: StatementContext,
  kind: 'defined' | 'allowed',
  extra: { moveOn?: boolean; masteryScore?: boolean } = {},
): Record<string, unknown> {
  const template = structuredClone(session.contextTemplate);
  const activities = { ...((template.contextActivities ?? {}) as ContextActivities) };
  if (kind === 'defined') {
    const category = [...(activities.category ?? []), { id: CMI5_CATEGORY }];
    if (extra.moveOn) category.push({ id: MOVE_ON_CATEGORY });
    activities.category = category;
  }
  const extensions = { ...((template.extensions ?? {}) as Record<string, unknown>) };
  if (extra.masteryScore && session.masteryScore !== undefined) extensions[MASTERY_EXTENSION] = session.masteryScore;
  return { ...template, registration: session.registration, contextActivities: activities, extensions };
}

function base(session: StatementContext, verb: Verb): Statement {
  return {
    id: session.newId(),
    timestamp: session.now().toISOString(),
    actor: { objectType: 'Agent', ...session.actor },
    verb: { id: VERB[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: session.activityId },
  };
}

/** cmi5 section 9.5.1: raw, min and max are integers; a fractional score (partial credit) reports scaled alone. */
function scoreOf(score: ScoreData): Record<string, number> {
  const scaled = Math.floor(score.scaled * 10_000 + 1e-7) / 10_000;
  return [score.raw, score.min, score.max].every(Number.isInteger)
    ? { scaled, raw: score.raw, min: score.min, max: score.max }
    : { scaled };
}

/** The cmi5-defined statements (section 9.3), each with exactly the result properties the profile allows. */
export const defined = {
  initialized: (session: StatementContext): Statement => ({
    ...base(session, 'initialized'),
    context: contextOf(session, 'defined'),
  }),
  completed: (session: StatementContext, durationMs: number): Statement => ({
    ...base(session, 'completed'),
    result: { completion: true, duration: duration2004(durationMs) },
    context: contextOf(session, 'defined', { moveOn: true }),
  }),
  passed: (session: StatementContext, score: ScoreData | null, durationMs: number): Statement => ({
    ...base(session, 'passed'),
    result: { success: true, duration: duration2004(durationMs), ...(score ? { score: scoreOf(score) } : {}) },
    context: contextOf(session, 'defined', { moveOn: true, masteryScore: true }),
  }),
  failed: (session: StatementContext, score: ScoreData | null, durationMs: number): Statement => ({
    ...base(session, 'failed'),
    result: { success: false, duration: duration2004(durationMs), ...(score ? { score: scoreOf(score) } : {}) },
    context: contextOf(session, 'defined', { moveOn: true, masteryScore: true }),
  }),
  terminated: (session: StatementContext, durationMs: number): Statement => ({
    ...base(session, 'terminated'),
    result: { duration: duration2004(durationMs) },
    context: contextOf(session, 'defined'),
  }),
};

/** cmi5-allowed: one answer, as a cmi.interaction activity with its type and correct-response pattern. */
export function answered(session: StatementContext, interaction: Interaction): Statement {
  const formatted = responses2004(interaction, session.letterOf, session.readNumber);
  const text = { [session.language]: interaction.description || interaction.id };
  return {
    ...base(session, 'answered'),
    object: {
      objectType: 'Activity',
      id: `${session.activityId}/interactions/${encodeURIComponent(interaction.id)}`,
      definition: {
        type: INTERACTION_TYPE,
        name: text,
        interactionType: formatted.type,
        ...(formatted.patterns.length > 0 ? { correctResponsesPattern: [...formatted.patterns] } : {}),
      },
    },
    result: {
      success: interaction.result === 'correct',
      ...(formatted.response === null ? {} : { response: formatted.response }),
      duration: duration2004(interaction.latencyMs),
    },
    context: {
      ...contextOf(session, 'allowed'),
      contextActivities: {
        ...(contextOf(session, 'allowed').contextActivities as ContextActivities),
        parent: [{ id: session.activityId }],
      },
    },
    timestamp: interaction.timestamp.toISOString(),
  };
}

/** cmi5-allowed: how far the learner is, 0-100 (section 9.5.5.1), never after completion. */
export function progressed(session: StatementContext, percent: number): Statement {
  return {
    ...base(session, 'progressed'),
    result: { extensions: { [PROGRESS_EXTENSION]: Math.max(0, Math.min(100, Math.round(percent))) } },
    context: contextOf(session, 'allowed'),
  };
}
