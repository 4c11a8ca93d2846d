import { z } from 'zod';
import { idSchema } from '../library/schemas';
import { stripBidiControls } from '../library/text';

/** 50 MB: a worksheet, a slide deck or a photo, sent whole over the contract. */
export const NOTE_FILE_MAX_BYTES = 50 * 1024 * 1024;

/** Images a <Figure> can show, by extension, with the bytes each must start with. */
export const IMAGE_TYPES: Readonly<Record<string, { mediaType: string; magic: readonly (number | null)[] }>> = {
  png: { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  gif: { mediaType: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38] },
  webp: { mediaType: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
};

/**
 * Files a <Download> may offer. Nothing a browser would run or render as a page when opened from the lesson's own
 * address (HTML, SVG, XML, scripts): a learner's click must never run code on the LMS's site.
 */
export const DOWNLOAD_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ggb: 'application/vnd.geogebra.file',
};

export const noteFileNameSchema = z
  .string()
  .transform(stripBidiControls)
  .pipe(
    z
      .string()
      .trim()
      .min(1, { error: 'The file needs a name' })
      .max(100, { error: 'A file name is at most 100 characters' })
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._()-]*$/u, {
        error: 'A file name may use letters, digits, spaces, dots, dashes and brackets',
      })
      .refine((name) => extensionOf(name) in IMAGE_TYPES || extensionOf(name) in DOWNLOAD_TYPES, {
        error: `Add images (${Object.keys(IMAGE_TYPES).join(', ')}) or documents (${Object.keys(DOWNLOAD_TYPES).join(', ')})`,
      }),
  );

export function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

export const noteFileSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  name: z.string(),
  kind: z.enum(['image', 'download']),
  mediaType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Relative to the media root. */
  path: z.string(),
  createdAt: z.number().int(),
});
export type NoteFile = z.infer<typeof noteFileSchema>;
