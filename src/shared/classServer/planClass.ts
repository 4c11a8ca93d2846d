import type { ClassAnalysis, LearnerRow, QuestionRow } from './analyze';

export interface PlanGroup {
  readonly title: string;
  /** What the group works on, in the teacher's words. */
  readonly focus: string;
  readonly learners: readonly Pick<LearnerRow, 'id' | 'name'>[];
}

/**
 * "Plan the class": one group per question missed on the first try, the most missed first (a learner who missed two
 * is in both), then the learners who got everything right first time, then those who have not started. Empty groups
 * are left out.
 */
export function planClass(analysis: ClassAnalysis): PlanGroup[] {
  const byName = (a: LearnerRow, b: LearnerRow) => a.name.localeCompare(b.name);
  const missed = (question: QuestionRow) =>
    analysis.learners.filter((learner) => learner.firstAttempts[question.question.id] === 'incorrect').sort(byName);
  const questionGroups = analysis.questions
    .map((question) => ({ question, learners: missed(question) }))
    .filter((group) => group.learners.length > 0)
    .sort((a, b) => b.learners.length - a.learners.length || a.question.number - b.question.number)
    .map(({ question, learners }) => ({
      title: `Question ${question.number}`,
      focus: question.question.prompt,
      learners,
    }));
  const started = analysis.learners.filter((learner) => learner.status !== 'notStarted');
  const allRight = started
    .filter(
      (learner) =>
        analysis.questions.length > 0 &&
        analysis.questions.every((question) => learner.firstAttempts[question.question.id] === 'correct'),
    )
    .sort(byName);
  const notStarted = analysis.learners.filter((learner) => learner.status === 'notStarted').sort(byName);
  return [
    ...questionGroups,
    ...(allRight.length > 0
      ? [{ title: 'Everything right first time', focus: 'Ready for a harder task', learners: allRight }]
      : []),
    ...(notStarted.length > 0
      ? [{ title: 'Not started', focus: 'Watch the lesson first (in class or at home)', learners: notStarted }]
      : []),
  ];
}
