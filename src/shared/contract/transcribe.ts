import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { cueWordSchema } from '../captions/model';

const jobRef = z.object({ jobId: idSchema });

/** A speech engine on this machine, and whether it can run here now (with the steps to get it when not). */
export const speechEngineSchema = z.object({
  id: z.string(),
  name: z.string(),
  languages: z.array(z.string()),
  available: z.boolean(),
  /** What the teacher does to get it, in plain words, when it is not available. */
  howToGet: z.string().nullable(),
});
export type SpeechEngine = z.infer<typeof speechEngineSchema>;

/** A draft in the take's source time: each caption with its timed words, for the teacher to correct. */
export const draftCueSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  words: z.array(cueWordSchema),
});

export const transcribeJobSchema = z.object({
  jobId: idSchema,
  lessonId: idSchema,
  takeId: idSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: z.enum(['extracting', 'listening', 'done']),
  /** 0..1 of the take's sound heard so far. */
  fraction: z.number().min(0).max(1),
  cues: z.array(draftCueSchema).nullable(),
  error: z.string().nullable(),
});
export type TranscribeJob = z.infer<typeof transcribeJobSchema>;

/** Caption drafts from the lesson's sound, made on this machine: the audio never leaves it. */
export const transcribeService = defineService(
  'transcribe',
  {
    engines: call(z.object({}), z.array(speechEngineSchema)),
    start: call(z.object({ lessonId: idSchema, language: z.string().min(2).max(35) }), jobRef),
    cancel: call(jobRef, z.object({})),
    status: call(jobRef, transcribeJobSchema),
  },
  { onDidProgress: transcribeJobSchema },
);
