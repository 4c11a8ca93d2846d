import type { LessonDocument } from '../document';

/**
 * A named, pure edit of the lesson document. Undo keeps whole documents, so a command only says how its step is
 * recorded: its label, and, for commands repeated many times in a row (nudging a callout with the arrow keys), a
 * merge key: consecutive steps with the same key become one undo step.
 */
export interface Command<A> {
  run(doc: LessonDocument, args: A): LessonDocument;
  label(doc: LessonDocument, args: A): string;
  mergeKey?(args: A): string;
}

export function defineCommand<A>(command: Command<A>): Command<A> {
  return command;
}
