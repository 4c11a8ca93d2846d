import { describe, expect, it } from 'vitest';
import { checkpoint } from '../checkpoints/testFixtures';
import { blankDocument, callout, marker } from '../editor/testDocuments.testkit';
import { lessonSteps, type StepFacts } from './steps';

const recording = { durationMs: 12_400 };
const untouched = blankDocument({
  editList: { sourceDuration: 12_400, trimStart: 0, trimEnd: 12_400, cuts: [], splits: [] },
});
const brief = (facts: StepFacts) =>
  lessonSteps(facts).map((step) => `${step.name}${step.done ? ' ✓' : ''}${step.current ? ' ←' : ''}: ${step.detail}`);

describe('lessonSteps', () => {
  it('starts at Record, everything after it waiting for a recording', () => {
    expect(brief({ recording: null, document: null, published: [] })).toEqual([
      'Record ←: Record or import a video',
      'Edit: After recording',
      'Questions: No questions yet',
      'Publish: After recording',
    ]);
  });

  it('after recording, editing is next and publishing is ready', () => {
    expect(brief({ recording, document: untouched, published: [] })).toEqual([
      'Record ✓: 0:12 recorded',
      'Edit ←: Nothing cut or marked yet',
      'Questions: No questions yet',
      'Publish: Ready when you are',
    ]);
  });

  it('says what was edited and how long the lesson is after its cuts', () => {
    const edited = {
      ...untouched,
      editList: { ...untouched.editList, trimStart: 400, cuts: [{ start: 3_000, end: 5_000 }] },
      markers: [marker(1, 6_000, 'Newton')],
      callouts: [callout(1, 0, 1_000), callout(2, 6_000, 7_000)],
    };
    expect(brief({ recording, document: edited, published: [] })[1]).toBe(
      'Edit ✓: Trimmed, 1 cut, 1 key moment, 2 callouts (0:10)',
    );
  });

  it('counts questions, and a skipped edit does not hold the next step back', () => {
    const withQuestions = {
      ...untouched,
      checkpoints: [
        checkpoint({ type: 'trueFalse', sourceMs: 2_000 }),
        checkpoint({ type: 'trueFalse', sourceMs: 8_000 }),
      ],
    };
    const steps = lessonSteps({ recording, document: withQuestions, published: [] });
    expect(steps.map((step) => [step.id, step.done, step.current])).toEqual([
      ['record', true, false],
      ['edit', false, false],
      ['questions', true, false],
      ['publish', false, true],
    ]);
    expect(steps[2]?.detail).toBe('2 questions');
  });

  it('names the newest publish, and then no step is next', () => {
    const steps = lessonSteps({
      recording,
      document: untouched,
      published: [{ name: 'Forces-scorm12-1.1.zip' }, { name: 'Forces-scorm12-1.0.zip' }],
    });
    expect(steps[3]).toMatchObject({ done: true, detail: 'Published: Forces-scorm12-1.1.zip' });
    expect(steps.some((step) => step.current)).toBe(false);
  });
});
