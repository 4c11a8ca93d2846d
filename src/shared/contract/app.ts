import { z } from 'zod';
import { call, defineService } from './define';

export const hostKindSchema = z.enum(['electron', 'browser', 'cli']);

/** Commands the app menu (or a global shortcut) asks the UI to carry out. */
export const menuCommandSchema = z.enum([
  'newProject',
  'showLibrary',
  'showTrash',
  'toggleRecordingPause',
  'stopRecording',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

export const appService = defineService(
  'app',
  {
    info: call(
      z.object({}),
      z.object({
        name: z.string(),
        version: z.string(),
        host: hostKindSchema,
        dataDir: z.string(),
        schemaVersion: z.number().int(),
      }),
    ),
  },
  {
    onDidRequestCommand: z.object({ command: menuCommandSchema }),
  },
);
