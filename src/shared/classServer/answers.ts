import type { AnswerResponse } from './events';
import type { Attempt, ResultQuestion } from './results';

/** A response as the teacher reads it: choice texts rather than ids, True/False, typed text as typed. */
export function responseLabel(question: ResultQuestion | undefined, response: AnswerResponse): string {
  if (typeof response === 'boolean') return response ? 'True' : 'False';
  if (typeof response === 'string') return response.replace(/\s+/g, ' ').trim() || '(blank)';
  if (response.length === 0) return '(nothing chosen)';
  const texts = new Map(question?.choices.map((choice) => [choice.id, choice.text]) ?? []);
  return response.map((choiceId) => texts.get(choiceId) ?? choiceId).join(' + ');
}

/** Two wrong answers are the same mistake when they differ only in case and spacing (or choice order). */
export function responseKey(response: AnswerResponse): string {
  if (typeof response === 'boolean') return String(response);
  if (typeof response === 'string') return response.toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
  return [...response].sort().join('\u0000');
}

export type FirstAttempt = 'correct' | 'incorrect' | 'unanswered';

/** The learner's first try at each question, oldest attempt by the learner's clock. */
export function firstAttempts(attempts: readonly Attempt[]): Map<string, Attempt> {
  const first = new Map<string, Attempt>();
  for (const attempt of [...attempts].sort((a, b) => a.at - b.at)) {
    if (!first.has(attempt.checkpointId)) first.set(attempt.checkpointId, attempt);
  }
  return first;
}

/** Wrong on every try the question allowed: the learner could not get there alone. */
export function failedAfterAllAttempts(question: ResultQuestion, attempts: readonly Attempt[]): boolean {
  if (question.attemptsAllowed === null) return false;
  const mine = attempts.filter((attempt) => attempt.checkpointId === question.id);
  return mine.length >= question.attemptsAllowed && mine.every((attempt) => !attempt.correct);
}
