// Test-only: small valid checkpoints, built through the schema so defaults are the real ones.
import { checkpointSchema, lessonRulesSchema, type Checkpoint, type CheckpointInput, type LessonRules } from './schema';

let counter = 0;

/** A fresh v4-shaped uuid; deterministic so failing tests print the same ids. */
export function testId(n = (counter += 1)): string {
  // The first group is a hash of n, so ids differ in their first characters as real uuids do (suspend data tags them).
  const head = (Math.imul(n, 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${head}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function checkpoint(input: Partial<CheckpointInput> & Pick<CheckpointInput, 'type'>): Checkpoint {
  return checkpointSchema.parse({
    ...defaultsFor(input.type),
    id: testId(),
    sourceMs: 0,
    prompt: 'Question?',
    ...input,
  });
}

function defaultsFor(type: CheckpointInput['type']): Record<string, unknown> {
  switch (type) {
    case 'single':
    case 'multiple':
      return {
        choices: [
          { id: 'a', text: 'A', correct: true },
          { id: 'b', text: 'B', correct: false },
        ],
      };
    case 'trueFalse':
      return { answer: true };
    case 'shortAnswer':
      return { accepted: ['Paris'] };
    case 'numeric':
      return { answer: { kind: 'value', value: 3.5 } };
  }
}

export function rules(input: Record<string, unknown> = {}): LessonRules {
  return lessonRulesSchema.parse(input);
}
