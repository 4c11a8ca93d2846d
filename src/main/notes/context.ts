/** What a note is compiled against: the lesson's length, its questions and its files, as they are at that moment. */
export interface NotesContext {
  /** The lesson's length as learners play it, for `<KeyMoment at>`. */
  readonly durationMs: number;
  /** In lesson order, numbered from 1 as the editor lists them; `prompt` is the question's Markdown. */
  readonly questions: readonly { readonly id: string; readonly prompt: string; readonly lessonMs: number }[];
  /** The lesson's files by name (see NotesService), each with its size in bytes. */
  readonly files: ReadonlyMap<string, { readonly kind: 'image' | 'download'; readonly size: number }>;
}

export interface NoteProblem {
  /** 1-based, as the editor numbers its lines. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type CompiledNotes =
  | {
      readonly ok: true;
      readonly html: string;
      /** KaTeX's style sheet and fonts go in the package only when this is true. */
      readonly formulas: boolean;
      /** The lesson's files the note uses, by name, so a package carries those and no others. */
      readonly files: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly NoteProblem[] };

/** Where a note's files are, relative to the note: the package's notes/ folder holds files/ beside index.html. */
export const NOTE_FILES_DIR = 'files';
