import { z } from 'zod';
import { idSchema } from '../library/schemas';
import { stripBidiControls } from '../library/text';
import { SRCLANG } from './languages';

/** The largest captions file accepted, in bytes of UTF-8. */
export const CAPTIONS_MAX_BYTES = 2 * 1024 * 1024;

export const captionLabelSchema = z
  .string()
  .transform(stripBidiControls)
  .pipe(z.string().trim().min(1, { error: 'Give the captions a name, such as “English”' }).max(100));
export const srclangSchema = z
  .string()
  .trim()
  .regex(SRCLANG, { error: 'The language is a code such as “en”, “fr” or “pt-BR”' });

export const captionSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  label: z.string(),
  srclang: z.string(),
  /** Relative to the media root. */
  path: z.string(),
  createdAt: z.number().int(),
});
export type Caption = z.infer<typeof captionSchema>;
