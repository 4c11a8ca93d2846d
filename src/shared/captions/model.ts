import { z } from 'zod';
import { idSchema } from '../library/schemas';
import { captionLabelSchema, srclangSchema } from './schemas';

const ms = z.number().int().nonnegative();

/** The most cues one track may hold: a three-hour lecture captioned every two seconds. */
export const CUES_MAX = 6_000;
/** The most characters of one cue: a cue is read in a few seconds, a paragraph is not a cue. */
export const CUE_TEXT_MAX = 500;
export const CAPTION_TRACKS_MAX = 20;

/** One word of a speech draft, on the take's clock, so a split can fall between two words where they were said. */
export const cueWordSchema = z.object({ text: z.string().min(1).max(100), start: ms, end: ms });
export type CueWord = z.infer<typeof cueWordSchema>;

/** A captions track of one language; its cues live beside it, each naming it. */
export const captionTrackInfoSchema = z.object({
  id: idSchema,
  label: captionLabelSchema,
  srclang: srclangSchema,
});
export type CaptionTrackInfo = z.infer<typeof captionTrackInfoSchema>;

/**
 * One caption, anchored in the take's source time like every other edit, so a cut or trim moves it or flags it.
 * `words` come from a speech draft and are kept only while the text still reads the same words.
 */
export const captionCueSchema = z
  .object({
    id: idSchema,
    trackId: idSchema,
    sourceStart: ms,
    sourceEnd: ms,
    text: z.string().max(CUE_TEXT_MAX, { error: `A caption is at most ${CUE_TEXT_MAX} characters` }),
    words: z.array(cueWordSchema).max(200).optional(),
  })
  .refine((cue) => cue.sourceStart < cue.sourceEnd, {
    error: 'A caption must end after it starts',
    path: ['sourceEnd'],
  });
export type CaptionCue = z.infer<typeof captionCueSchema>;

/** A cue with no place on the clock yet: what a file or a speech draft gives, before ids and a track. */
export interface TimedText {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words?: readonly CueWord[];
}
