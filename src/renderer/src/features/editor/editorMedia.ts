import type { Take, TakeFile } from '@shared/media/takes';

export interface EditorMedia {
  /** The file the preview plays and the filmstrip and waveform are made from. */
  readonly main: TakeFile | undefined;
  /** The camera, shown as the bubble, when the take has a screen as well. */
  readonly camera: TakeFile | undefined;
  readonly frame: { width: number; height: number };
  readonly cameraAspect: number;
}

export function editorMediaOf(take: Take | undefined): EditorMedia {
  const files = take?.files ?? [];
  const screen = files.find((file) => file.role === 'screen');
  const camera = files.find((file) => file.role === 'camera');
  const main = screen ?? camera ?? files.find((file) => file.role === 'audio');
  const bubble = screen && camera ? camera : undefined;
  return {
    main,
    camera: bubble,
    frame: { width: main?.width ?? 1280, height: main?.height ?? 720 },
    cameraAspect: bubble?.width && bubble.height ? bubble.width / bubble.height : 16 / 9,
  };
}
