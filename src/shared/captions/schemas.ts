import { z } from 'zod';
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
