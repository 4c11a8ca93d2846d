import { cameraLayoutSchema, type CameraLayout } from '../document';
import { defineCommand } from './command';

export type SetCameraLayoutArgs = Partial<CameraLayout>;

/** Moves, resizes, reshapes or hides the camera bubble; the recorded camera file is untouched. */
export const setCameraLayout = defineCommand<SetCameraLayoutArgs>({
  run: (doc, changes) => ({ ...doc, layout: cameraLayoutSchema.parse({ ...doc.layout, ...changes }) }),
  label: (_doc, changes) => {
    if (changes.placement) return 'Move camera bubble';
    if (changes.size !== undefined) return 'Resize camera bubble';
    if (changes.shape) return `Make camera bubble ${changes.shape === 'circle' ? 'round' : 'rounded'}`;
    return 'Change camera bubble';
  },
  mergeKey: (changes) =>
    changes.size !== undefined
      ? 'camera-size'
      : changes.placement?.kind === 'free'
        ? 'camera-place'
        : `camera:${Object.keys(changes).join()}`,
});
