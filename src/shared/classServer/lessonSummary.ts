import { markdownToText } from '../checkpoints/markdown';
import type { LessonPackage } from '../player/lessonPackage';
import type { ResultQuestion } from './results';

export interface LessonSummary {
  readonly title: string;
  readonly durationMs: number;
  readonly questions: readonly ResultQuestion[];
}

const PROMPT_SHOWN = 300;

/** What the server keeps of a published package's lesson.json to explain results: the questions in plain text. */
export function summarizeLesson(lesson: LessonPackage): LessonSummary {
  return {
    title: lesson.title,
    durationMs: lesson.durationMs,
    questions: lesson.checkpoints.map((checkpoint) => ({
      id: checkpoint.id,
      prompt: markdownToText(checkpoint.prompt, PROMPT_SHOWN),
      type: checkpoint.type,
      lessonMs: checkpoint.lessonMs,
      attemptsAllowed: checkpoint.attemptsAllowed,
      choices:
        checkpoint.type === 'single' || checkpoint.type === 'multiple'
          ? checkpoint.choices.map((choice) => ({ id: choice.id, text: markdownToText(choice.text, PROMPT_SHOWN) }))
          : [],
    })),
  };
}
