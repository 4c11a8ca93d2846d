import path from 'node:path';
import type { CutPiece } from '@shared/contract/cuts';
import { StudioError } from '@shared/contract/result';
import type { Take, TakeFile } from '@shared/media/takes';
import type { KeptSpan } from '@shared/timeline/mapping';
import { openFileCut, piecesOf, type CutSource, type FileCut } from './fileCut';
import { layerSources, layersFolder, type LayerFile } from './layers';
import type { CutOutput } from './writeCut';

interface PlannedOutput {
  readonly role: LayerFile['role'];
  readonly target: string;
  readonly video: TakeFile | undefined;
  readonly sound: TakeFile | undefined;
}

/** Which take files a cut reads (and for which tracks), the files it writes, and the part folder they go in. */
export interface OutputPlan {
  readonly sources: readonly { readonly file: TakeFile; readonly video: boolean; readonly audio: boolean }[];
  readonly outputs: readonly PlannedOutput[];
  readonly folder: string | null;
}

export type RoledOutput = CutOutput & { readonly role: LayerFile['role'] };

/** A path under the media folder, from the `/`-separated relative path the library stores. */
export const inMedia = (mediaRoot: string, relative: string): string => path.join(mediaRoot, ...relative.split('/'));

/** A render: the screen's picture and the lesson's sound into the render's part file. */
export function renderOutputs(
  take: Take,
  render: { part: string; screen: string | undefined; sound: string | undefined },
): OutputPlan {
  const video = take.files.find((file) => file.path === render.screen);
  const sound = take.files.find((file) => file.path === render.sound);
  return {
    sources: [
      ...(video ? [{ file: video, video: true, audio: false }] : []),
      ...(sound ? [{ file: sound, video: false, audio: true }] : []),
    ],
    outputs: [{ role: 'lesson', target: render.part, video, sound }],
    folder: null,
  };
}

/** Layers: the picture with the sound, and the camera apart, into a part folder renamed into place when whole. */
export function layerOutputs(mediaRoot: string, take: Take, key: string): OutputPlan {
  const { picture, camera, sound } = layerSources(take);
  if (!picture && !sound) throw new StudioError('conflict', 'This take has no picture or sound to publish');
  const folder = `${inMedia(mediaRoot, layersFolder(take, key))}.part`;
  const outputs: PlannedOutput[] = [
    { role: 'lesson', target: path.join(folder, picture ? 'lesson.mp4' : 'lesson.m4a'), video: picture, sound },
    ...(camera
      ? [{ role: 'camera' as const, target: path.join(folder, 'camera.mp4'), video: camera, sound: undefined }]
      : []),
  ];
  return {
    sources: [
      ...(picture ? [{ file: picture, video: true, audio: false }] : []),
      ...(camera ? [{ file: camera, video: true, audio: false }] : []),
      ...(sound ? [{ file: sound, video: false, audio: true }] : []),
    ],
    outputs,
    folder,
  };
}

/**
 * Reads the packet index of every file the plan needs and lists the pieces to re-encode, numbered across outputs.
 * Each file opened is added to `opened` at once, so the caller disposes of them whatever happens; the answer is
 * the reason, in the teacher's words, when a file cannot be cut without re-encoding.
 */
export async function openOutputs(
  mediaRoot: string,
  plan: OutputPlan,
  spans: readonly KeptSpan[],
  opened: FileCut[],
): Promise<{ outputs: RoledOutput[]; pieces: CutPiece[] } | string> {
  const byFile = new Map<string, FileCut>();
  for (const source of mergedSources(mediaRoot, plan.sources)) {
    const cut = await openFileCut(source, spans);
    if (typeof cut === 'string') return cut;
    opened.push(cut);
    byFile.set(source.file, cut);
  }
  const pieces: CutPiece[] = [];
  const outputs: RoledOutput[] = [];
  for (const output of plan.outputs) {
    const videoCut = output.video ? byFile.get(inMedia(mediaRoot, output.video.path)) : undefined;
    const audioCut = output.sound ? byFile.get(inMedia(mediaRoot, output.sound.path)) : undefined;
    const firstPiece = pieces.length;
    if (videoCut) pieces.push(...(await piecesOf(videoCut, firstPiece)));
    outputs.push({
      role: output.role,
      target: output.target,
      video: videoCut?.video ? { cut: videoCut, copy: videoCut.video, firstPiece } : null,
      audio: audioCut?.audio ? { cut: audioCut, copy: audioCut.audio } : null,
    });
  }
  return { outputs, pieces };
}

/** One reader per file: the picture and the sound of the screen recording are read through one input. */
function mergedSources(mediaRoot: string, sources: OutputPlan['sources']): CutSource[] {
  const merged = new Map<string, CutSource>();
  for (const { file, video, audio } of sources) {
    const absolute = inMedia(mediaRoot, file.path);
    const known = merged.get(absolute);
    merged.set(absolute, {
      role: file.role === 'camera' ? 'camera' : 'screen',
      file: absolute,
      offsetMs: file.startOffsetMs,
      video: video || (known?.video ?? false),
      audio: audio || (known?.audio ?? false),
    });
  }
  return [...merged.values()];
}
