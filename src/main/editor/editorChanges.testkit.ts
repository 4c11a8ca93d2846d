import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { documentChangeSchema, type DocumentChange } from '@shared/editor/document';

/** A change as the contract delivers it, defaults filled in. */
export const change = (input: z.input<typeof documentChangeSchema>): DocumentChange =>
  documentChangeSchema.parse(input);

/** A key moment at `sourceMs` of the take, with a fresh id. */
export const marker = (sourceMs: number, title = 'Key idea') => ({ id: randomUUID(), sourceMs, title, note: '' });
