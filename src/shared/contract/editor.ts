import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { takeSchema } from '../media/takes';
import { flaggedItemSchema } from '../editor/carryOver';
import { documentChangeSchema, lessonDocumentSchema } from '../editor/document';

export const editorService = defineService(
  'editor',
  {
    /** The lesson's document for its active take, created (keeping the whole take) the first time. */
    open: call(z.object({ lessonId: idSchema }), lessonDocumentSchema),
    /**
     * Makes another take the lesson's. `carryOver` copies the current take's key moments, callouts and questions onto
     * it by lesson time; `flagged` names what the teacher should look at.
     */
    switchTake: call(
      z.object({ takeId: idSchema, carryOver: z.boolean() }),
      z.object({ take: takeSchema, carried: z.number().int().nonnegative(), flagged: z.array(flaggedItemSchema) }),
    ),
    /** Saves one step; answers the new revision. */
    apply: call(documentChangeSchema, z.object({ revision: z.number().int() })),
  },
  {
    onDidChange: z.object({ lessonId: idSchema, takeId: idSchema, revision: z.number().int() }),
  },
);
