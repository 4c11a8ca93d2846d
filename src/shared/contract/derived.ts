import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { chunkBytesSchema } from '../media/takes';

/** A name for one cached piece of derived data: letters, digits and dashes only, so it can never be a path. */
export const derivedKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'A cache key is 1-64 lowercase letters, digits or dashes' });

/**
 * Data the renderer computes once from a take and keeps beside it (filmstrip thumbnails, waveform peaks), so a
 * lesson opens at once the next time. Losing it costs only recomputation.
 */
export const derivedService = defineService(
  'derived',
  {
    read: call(
      z.object({ takeId: idSchema, key: derivedKeySchema }),
      z.object({ data: z.instanceof(Uint8Array).nullable() }),
    ),
    write: call(z.object({ takeId: idSchema, key: derivedKeySchema, data: chunkBytesSchema }), z.object({})),
  },
  {},
);
