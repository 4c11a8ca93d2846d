import { z } from 'zod';
import { call, defineService } from './define';

export const captureSourceSchema = z.object({
  id: z.string().max(200),
  name: z.string(),
  kind: z.enum(['screen', 'window']),
  /** A small PNG as a data URL, for the picker. */
  thumbnail: z.string(),
});
export type CaptureSource = z.infer<typeof captureSourceSchema>;

/**
 * The platform's capture powers. Electron lists screens and windows with thumbnails and keeps the recorder out of
 * the screen take; in the browser host the list is empty, which tells the UI to use the browser's own picker.
 */
export const captureService = defineService(
  'capture',
  {
    listSources: call(z.object({}), z.object({ pickerInApp: z.boolean(), sources: z.array(captureSourceSchema) })),
    /** The source the next getDisplayMedia call gets. */
    chooseSource: call(z.object({ id: z.string().max(200) }), z.object({})),
    /** While recording: hide the studio window from screen capture and turn the global shortcuts on. */
    setRecording: call(z.object({ recording: z.boolean() }), z.object({ windowHidden: z.boolean() })),
  },
  {},
);
