// Test-only: a 20 s lesson with the e2e spec's three checkpoints.
import { checkpoint, rules } from '@shared/checkpoints/testFixtures';
import { freshState, type LessonRulesInput } from '@shared/checkpoints';
import { lessonPackageSchema, type LessonPackage } from '@shared/player';
import { PlayerSession } from './session';

export function testLesson(ruleInput: LessonRulesInput = {}): LessonPackage {
  const single = checkpoint({
    type: 'single',
    prompt: 'Which?',
    choices: [
      { id: 'a', text: 'Right', correct: true },
      { id: 'b', text: 'Wrong', correct: false },
    ],
  });
  const short = checkpoint({ type: 'shortAnswer', accepted: ['Paris'], attemptsAllowed: 2 });
  const numeric = checkpoint({
    type: 'numeric',
    answer: { kind: 'value', value: 3.5, tolerance: 0 },
    required: false,
    rewatchFrom: { kind: 'none' },
  });
  return lessonPackageSchema.parse({
    formatVersion: 1,
    id: 'lesson-1',
    title: 'Test',
    language: 'en',
    durationMs: 20_000,
    media: { renditions: [{ label: '360p', src: 'video.mp4', type: 'video/mp4' }] },
    chapters: [
      { id: 'c1', title: 'Start', note: '', lessonMs: 0 },
      { id: 'c2', title: 'Middle', note: '', lessonMs: 6_000 },
    ],
    checkpoints: [
      { ...single, lessonMs: 4_000, rewatchMs: 0 },
      { ...short, lessonMs: 8_000, rewatchMs: 6_000 },
      { ...numeric, lessonMs: 12_000, rewatchMs: null },
    ],
    rules: rules(ruleInput),
  });
}

export function testSession(ruleInput: LessonRulesInput = {}): PlayerSession {
  return new PlayerSession(testLesson(ruleInput), freshState());
}

/** Plays from the session's position to `toMs` in 250 ms ticks, stopping at the first checkpoint, as the UI does. */
export function playTo(session: PlayerSession, toMs: number): string | null {
  let at = session.state.positionMs;
  while (at < toMs) {
    const next = Math.min(toMs, at + 250);
    const stop = session.tick(at, next);
    if (stop) return stop.id;
    at = next;
  }
  return null;
}
