import type { LessonDocument } from '../editor/document';
import { formatClock } from '../format/clock';
import { createLessonMap } from '../timeline';

export type StepId = 'record' | 'edit' | 'questions' | 'publish';

export interface LessonStep {
  readonly id: StepId;
  readonly name: string;
  readonly done: boolean;
  /** What the teacher does next: the first step not done after the last one done (editing may be skipped). */
  readonly current: boolean;
  /** What is done, or what is missing, in a few plain words. */
  readonly detail: string;
}

export interface StepFacts {
  /** The lesson's recording (its active take), or null before one is recorded or imported. */
  readonly recording: { readonly durationMs: number } | null;
  /** The lesson's document, or null while there is no recording or it is still loading. */
  readonly document: Pick<LessonDocument, 'editList' | 'markers' | 'callouts' | 'checkpoints'> | null;
  /** What publishing is known to have made, newest first, each named as the teacher knows it; empty when none is. */
  readonly published: readonly { readonly name: string }[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What was edited, as a short list: "2 cuts, 1 key moment"; empty when nothing was. */
function edits(document: NonNullable<StepFacts['document']>): string[] {
  const { editList } = document;
  const trimmed = editList.trimStart > 0 || editList.trimEnd < editList.sourceDuration;
  return [
    trimmed ? 'trimmed' : null,
    editList.cuts.length > 0 ? count(editList.cuts.length, 'cut', 'cuts') : null,
    document.markers.length > 0 ? count(document.markers.length, 'key moment', 'key moments') : null,
    document.callouts.length > 0 ? count(document.callouts.length, 'callout', 'callouts') : null,
  ].filter((part): part is string => part !== null);
}

function sentence(parts: readonly string[]): string {
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The lesson's path from recording to a published package, each step with what is done for this lesson, so the
 * lesson page can say where the teacher is. Editing and questions can be skipped; they count as done once there is
 * something in them.
 */
export function lessonSteps(facts: StepFacts): LessonStep[] {
  const { recording, document, published } = facts;
  const made = document ? edits(document) : [];
  const lessonMs = document ? createLessonMap(document.editList).duration : null;
  const questions = document?.checkpoints.length ?? 0;
  const steps: Omit<LessonStep, 'current'>[] = [
    {
      id: 'record',
      name: 'Record',
      done: recording !== null,
      detail: recording ? `${formatClock(recording.durationMs)} recorded` : 'Record or import a video',
    },
    {
      id: 'edit',
      name: 'Edit',
      done: made.length > 0,
      detail:
        made.length > 0
          ? `${sentence(made)}${lessonMs !== null && recording && lessonMs !== recording.durationMs ? ` (${formatClock(lessonMs)})` : ''}`
          : recording
            ? 'Nothing cut or marked yet'
            : 'After recording',
    },
    {
      id: 'questions',
      name: 'Questions',
      done: questions > 0,
      detail: questions > 0 ? count(questions, 'question', 'questions') : 'No questions yet',
    },
    {
      id: 'publish',
      name: 'Publish',
      done: published.length > 0,
      detail:
        published[0] !== undefined
          ? `Published: ${published[0].name}`
          : recording
            ? 'Ready when you are'
            : 'After recording',
    },
  ];
  const lastDone = steps.findLastIndex((step) => step.done);
  return steps.map((step, index) => ({ ...step, current: index === lastDone + 1 }));
}
