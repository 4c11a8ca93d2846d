import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { notesSourceSchema } from '../notes/source';
import { NOTE_FILE_MAX_BYTES, noteFileNameSchema, noteFileSchema } from '../notes/files';

export const noteProblemSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  message: z.string(),
});

/** A compiled note as the editor previews it: the same HTML a package gets, or every problem with its line. */
export const notesPreviewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), html: z.string(), formulas: z.boolean(), files: z.array(z.string()) }),
  z.object({ ok: z.literal(false), problems: z.array(noteProblemSchema) }),
]);
export type NotesPreview = z.infer<typeof notesPreviewSchema>;

/** A lesson's notes are edited in the document (editor.apply); this service compiles them and keeps their files. */
export const notesService = defineService(
  'notes',
  {
    /** Compiles `source` (the editor's text, saved or not) against the lesson as it is now. */
    preview: call(z.object({ lessonId: idSchema, source: notesSourceSchema }), notesPreviewSchema),
    files: call(z.object({ lessonId: idSchema }), z.array(noteFileSchema)),
    addFile: call(
      z.object({
        lessonId: idSchema,
        name: noteFileNameSchema,
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= NOTE_FILE_MAX_BYTES, {
          error: 'A file may be at most 50 MB',
        }),
      }),
      noteFileSchema,
    ),
    removeFile: call(z.object({ id: idSchema }), z.object({})),
  },
  { onDidChange: z.object({ lessonId: idSchema }) },
);
