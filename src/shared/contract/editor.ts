import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { documentChangeSchema, lessonDocumentSchema } from '../editor/document';

export const editorService = defineService(
  'editor',
  {
    /** The lesson's document for its active take, created (keeping the whole take) the first time. */
    open: call(z.object({ lessonId: idSchema }), lessonDocumentSchema),
    /** Saves one step; answers the new revision. */
    apply: call(documentChangeSchema, z.object({ revision: z.number().int() })),
  },
  {
    onDidChange: z.object({ lessonId: idSchema, takeId: idSchema, revision: z.number().int() }),
  },
);
