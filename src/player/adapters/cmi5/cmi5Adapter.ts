import { z } from 'zod';
import {
  completionStatusSchema,
  describeIssue,
  interactionSchema,
  progressSchema,
  scoreSchema,
  type CompletionStatus,
  type Interaction,
  type LessonMode,
  type PlayerAdapter,
  type Progress,
  type Score,
  type StartResult,
} from '../../adapter';
import type { CallLog } from '../callLog';
import type { ChoiceLetter } from '../responses';
import { launchDataSchema, learnerPreferencesSchema, type LaunchParameters } from './launch';
import { agentQuery, createLrsClient, type Fetch } from './lrsClient';
import { answered, defined, progressed, type Statement, type StatementContext } from './statements';

/** The AU's own State document (cmi5 allows an AU its own state): the learner state and what was sent once. */
const OWN_STATE_ID = 'https://flipside.studio/xapi/state/learner';
const ownStateSchema = z.object({
  suspendData: z.string().nullable().default(null),
  /** Sent in this registration: completed and passed go once per registration (cmi5 9.3). */
  completed: z.boolean().default(false),
  passed: z.boolean().default(false),
});
type OwnState = z.output<typeof ownStateSchema>;

/** Progress is reported as a cmi5-allowed statement when it has grown by this many points. */
const PROGRESS_STEP = 10;

export interface Cmi5AdapterOptions {
  readonly launch: LaunchParameters;
  readonly log: CallLog;
  readonly fetch: Fetch;
  readonly language: string;
  readonly letterOf: ChoiceLetter;
  readonly readNumber: (text: string) => number | null;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly setTimer?: (task: () => void, ms: number) => void;
}

const MODES: Record<'Normal' | 'Browse' | 'Review', LessonMode> = {
  Normal: 'normal',
  Browse: 'browse',
  Review: 'review',
};

/**
 * The cmi5 AU side (cmi5 sections 7-11) as a PlayerAdapter. Start takes the token from the fetch URL, reads
 * LMS.LaunchData, the learner preferences and the AU's own state, and sends "initialized"; answers are cmi5-allowed
 * "answered" statements (cmi.interaction); completed, passed and failed follow the profile's once-only rules and the
 * LMS's masteryScore; "terminated" ends the session and nothing follows it. Review and browse send only initialized
 * and terminated. Every write is queued and retried, so an LRS that is offline or refuses never stops the learner.
 */
export function createCmi5Adapter(options: Cmi5AdapterOptions): PlayerAdapter {
  const { launch, log } = options;
  const clock = options.now ?? (() => new Date());
  // cmi5 orders a session's statements by timestamp (9.3): two in one millisecond would have no order, so each is
  // stamped at least a millisecond after the one before.
  let lastStamp = 0;
  const now = () => {
    lastStamp = Math.max(clock().getTime(), lastStamp + 1);
    return new Date(lastStamp);
  };
  const newId = options.newId ?? (() => crypto.randomUUID());
  const client = createLrsClient({
    endpoint: launch.endpoint,
    fetch: options.fetch,
    log,
    ...(options.setTimer ? { setTimer: options.setTimer } : {}),
  });
  const agent = agentQuery(launch.actor);
  const stateQuery = (stateId: string) => ({
    stateId,
    activityId: launch.activityId,
    agent,
    registration: launch.registration,
  });
  let session: StatementContext | null = null;
  let tracked = false;
  let terminated = false;
  let startedAt = 0;
  let own: OwnState = { suspendData: null, completed: false, passed: false };
  let ownDirty = false;
  let failedThisSession = false;
  let lastScore: Score | null = null;
  let progressSent = -PROGRESS_STEP;
  let latestProgress = 0;
  let validationError: string | null = null;

  const elapsed = () => clock().getTime() - startedAt;
  const send = (...statements: Statement[]) => {
    if (session && !terminated) client.enqueue({ kind: 'statements', statements });
  };
  const saveOwn = () => {
    if (!ownDirty || !tracked || terminated) return;
    ownDirty = false;
    client.enqueue({ kind: 'state', query: stateQuery(OWN_STATE_ID), document: own });
  };
  const reportProgress = () => {
    if (!session || !tracked || own.completed || latestProgress < progressSent + PROGRESS_STEP) return;
    progressSent = latestProgress;
    send(progressed(session, latestProgress));
  };

  function guarded<T>(what: string, schema: z.ZodType<T>, apply: (value: T, context: StatementContext) => void) {
    return (value: unknown) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        validationError = describeIssue(what, parsed.error);
        log.add(what, '', validationError);
      } else if (session && tracked && !terminated) apply(parsed.data, session);
    };
  }

  return {
    async start(): Promise<StartResult> {
      await client.fetchToken(launch.fetch);
      const launchData = launchDataSchema.safeParse(
        await client.getDocument('activities/state', stateQuery('LMS.LaunchData')),
      );
      if (!launchData.success) throw new Error(describeIssue('LMS.LaunchData', launchData.error));
      const data = launchData.data;
      const preferences = learnerPreferencesSchema.safeParse(
        await client.getDocument('agents/profile', { agent, profileId: 'cmi5LearnerPreferences' }).catch(() => null),
      );
      const stored = ownStateSchema.safeParse(
        await client.getDocument('activities/state', stateQuery(OWN_STATE_ID)).catch(() => null),
      );
      if (stored.success) own = stored.data;
      const mode = MODES[data.launchMode];
      tracked = mode === 'normal';
      startedAt = clock().getTime();
      session = {
        actor: launch.actor,
        activityId: launch.activityId,
        registration: launch.registration,
        contextTemplate: data.contextTemplate,
        masteryScore: data.masteryScore,
        language: options.language,
        letterOf: options.letterOf,
        readNumber: options.readNumber,
        now,
        newId,
      };
      send(defined.initialized(session));
      client.flush();
      const audio = preferences.success ? preferences.data.audioPreference : undefined;
      return {
        resumeState: own.suspendData,
        mode,
        ...(data.masteryScore === undefined ? {} : { masteryPercent: data.masteryScore * 100 }),
        ...(audio === 'off' ? { muted: true } : {}),
        ...(data.returnURL && /^https?:/i.test(data.returnURL) ? { returnUrl: data.returnURL } : {}),
      };
    },
    progress: guarded<Progress>('progress', progressSchema, (progress) => {
      latestProgress = Math.round(progress.progressMeasure * 100);
    }),
    interaction: guarded<Interaction>('interaction', interactionSchema, (interaction, context) => {
      const at = Math.max(interaction.timestamp.getTime(), lastStamp + 1);
      lastStamp = at;
      send(answered(context, { ...interaction, timestamp: new Date(at) }));
    }),
    score: guarded<Score>('score', scoreSchema, (score) => {
      lastScore = score;
    }),
    completion: guarded<CompletionStatus>('completion', completionStatusSchema, (status, context) => {
      const score = lastScore && lastScore.max > 0 ? lastScore : null;
      if (status.completion === 'completed' && !own.completed) {
        own = { ...own, completed: true };
        ownDirty = true;
        send(defined.completed(context, elapsed()));
      }
      // One of passed/failed per session; passed once per registration, and never a failed after it.
      if (status.success === 'passed' && !own.passed && !failedThisSession) {
        own = { ...own, passed: true };
        ownDirty = true;
        send(defined.passed(context, score, elapsed()));
      } else if (status.success === 'failed' && !own.passed && !failedThisSession) {
        failedThisSession = true;
        send(defined.failed(context, score, elapsed()));
      }
    }),
    suspend: guarded<string>('suspend', z.string().max(4096), (state) => {
      if (state === own.suspendData) return;
      own = { ...own, suspendData: state };
      ownDirty = true;
    }),
    flush() {
      if (terminated) return;
      reportProgress();
      saveOwn();
      client.flush();
    },
    finish() {
      if (!session || terminated) return Promise.resolve();
      reportProgress();
      saveOwn();
      send(defined.terminated(session, elapsed()));
      terminated = true;
      client.flush(true);
      return Promise.resolve();
    },
    lastError: () => log.lastError() ?? validationError,
  };
}
