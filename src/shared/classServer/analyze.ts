import { failedAfterAllAttempts, firstAttempts, responseKey, responseLabel, type FirstAttempt } from './answers';
import type { ClassResults, LearnerResult, ResultQuestion } from './results';
import { rewatchedRanges, rewatchHeat, type Viewing } from './viewing';

export type LearnerStatus = 'notStarted' | 'watching' | 'stuck' | 'done';

/** The rule, in numbers and in the words the results screen shows beside it. */
export const STUCK_RULE = { rewatchTimes: 3, idleMs: 24 * 3600_000 } as const;
export const STUCK_RULE_TEXT =
  'A learner is stuck when they failed a question after all its attempts, went back over one part of the video ' +
  `${STUCK_RULE.rewatchTimes} times or more, or stopped more than a day ago before the end.`;

export const HEAT_BINS = 60;
const WRONG_ANSWERS_SHOWN = 3;

export type StuckReason =
  | { kind: 'failed'; questionId: string; questionNumber: number }
  | { kind: 'rewatched'; startMs: number; endMs: number; times: number }
  | { kind: 'idle'; sinceMs: number };

export interface LearnerRow {
  readonly id: string;
  readonly name: string;
  readonly classId: string;
  readonly status: LearnerStatus;
  readonly reasons: readonly StuckReason[];
  /** 0..100 of the lesson played at least once. */
  readonly watchedPercent: number;
  /** 0..100, or null before any score was reported. */
  readonly scorePercent: number | null;
  readonly firstAttempts: Readonly<Record<string, FirstAttempt>>;
  readonly lastActivityAt: number | null;
  /** How they watched: what they jumped over, their pauses, their speeds; null before they opened the lesson. */
  readonly viewing: Viewing | null;
  /** Known only from the LMS course's roster: nothing of theirs is recorded here. */
  readonly onlyOnRoster: boolean;
}

export interface QuestionRow {
  readonly question: ResultQuestion;
  readonly number: number;
  /** Learners who answered it at least once. */
  readonly answered: number;
  readonly rightFirstTime: number;
  readonly percentRightFirstTime: number | null;
  /** The most common wrong answers, with how many learners gave each. */
  readonly wrongAnswers: readonly { label: string; learners: number }[];
}

export interface ClassAnalysis {
  readonly learners: readonly LearnerRow[];
  readonly questions: readonly QuestionRow[];
  /** Learners who went back over each of HEAT_BINS equal parts of the lesson. */
  readonly heat: readonly number[];
  readonly counts: Readonly<Record<LearnerStatus, number>>;
}

function stuckReasons(learner: LearnerResult, questions: readonly ResultQuestion[], now: number): StuckReason[] {
  const run = learner.run;
  if (!run) return [];
  const reasons: StuckReason[] = [];
  questions.forEach((question, index) => {
    if (failedAfterAllAttempts(question, run.attempts))
      reasons.push({ kind: 'failed', questionId: question.id, questionNumber: index + 1 });
  });
  for (const range of rewatchedRanges(run.viewing)) {
    if (range.times >= STUCK_RULE.rewatchTimes) reasons.push({ kind: 'rewatched', ...range });
  }
  if (run.completion !== 'completed' && now - run.lastActivityAt > STUCK_RULE.idleMs)
    reasons.push({ kind: 'idle', sinceMs: run.lastActivityAt });
  return reasons;
}

function statusOf(learner: LearnerResult, reasons: readonly StuckReason[]): LearnerStatus {
  const run = learner.run;
  if (!run || (run.viewing.watchedMs === 0 && run.attempts.length === 0)) return 'notStarted';
  if (reasons.length > 0) return 'stuck';
  return run.completion === 'completed' ? 'done' : 'watching';
}

function learnerRow(learner: LearnerResult, results: ClassResults, now: number): LearnerRow {
  const { questions, durationMs } = results.lesson;
  const reasons = stuckReasons(learner, questions, now);
  const run = learner.run;
  const first = firstAttempts(run?.attempts ?? []);
  return {
    id: learner.id,
    name: learner.name,
    classId: learner.classId,
    status: statusOf(learner, reasons),
    reasons,
    watchedPercent: run && durationMs > 0 ? Math.min(100, (run.viewing.watchedMs / durationMs) * 100) : 0,
    scorePercent: run?.score ? run.score.scaled * 100 : null,
    firstAttempts: Object.fromEntries(
      questions.map((question) => {
        const attempt = first.get(question.id);
        return [question.id, attempt ? (attempt.correct ? 'correct' : 'incorrect') : 'unanswered'];
      }),
    ),
    lastActivityAt: run?.lastActivityAt ?? null,
    viewing: run?.viewing ?? null,
    onlyOnRoster: learner.onlyOnRoster === true,
  };
}

function questionRow(question: ResultQuestion, index: number, learners: readonly LearnerResult[]): QuestionRow {
  let answered = 0;
  let rightFirstTime = 0;
  const wrong = new Map<string, { label: string; learners: Set<string> }>();
  for (const learner of learners) {
    const mine = (learner.run?.attempts ?? []).filter((attempt) => attempt.checkpointId === question.id);
    if (mine.length === 0) continue;
    answered += 1;
    if (firstAttempts(mine).get(question.id)?.correct) rightFirstTime += 1;
    for (const attempt of mine) {
      if (attempt.correct) continue;
      const key = responseKey(attempt.response);
      const entry = wrong.get(key) ?? { label: responseLabel(question, attempt.response), learners: new Set() };
      entry.learners.add(learner.id);
      wrong.set(key, entry);
    }
  }
  return {
    question,
    number: index + 1,
    answered,
    rightFirstTime,
    percentRightFirstTime: answered === 0 ? null : (rightFirstTime / answered) * 100,
    wrongAnswers: [...wrong.values()]
      .map((entry) => ({ label: entry.label, learners: entry.learners.size }))
      .sort((a, b) => b.learners - a.learners || a.label.localeCompare(b.label))
      .slice(0, WRONG_ANSWERS_SHOWN),
  };
}

/** Everything the Class results screen shows, from what the server recorded; `now` decides who stopped too long ago. */
export function analyzeClass(results: ClassResults, now: number): ClassAnalysis {
  const learners = results.learners.map((learner) => learnerRow(learner, results, now));
  const counts: Record<LearnerStatus, number> = { notStarted: 0, watching: 0, stuck: 0, done: 0 };
  for (const row of learners) counts[row.status] += 1;
  return {
    learners,
    questions: results.lesson.questions.map((question, index) => questionRow(question, index, results.learners)),
    heat: rewatchHeat(
      results.learners.flatMap((learner) => (learner.run ? [learner.run.viewing] : [])),
      results.lesson.durationMs,
      HEAT_BINS,
    ),
    counts,
  };
}
