import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sha256Hex } from '@shared/checkpoints/sha256';
import type { LessonDocument } from '@shared/editor/document';
import type { Take, TakeFile } from '@shared/media/takes';
import { COPYABLE_AUDIO_CODECS } from '@shared/render/audioCopy';

/**
 * A lesson's layers: its recording cut to the edit list without re-encoding, the picture with the sound in one file
 * and the camera apart, for packages whose player draws the camera bubble and callouts itself. They depend on the
 * edit list and the take's files only (the bubble, callouts and questions are drawn or asked by the player), so they
 * are made once per edit list and kept beside the take.
 */
export const layerFileSchema = z.object({
  role: z.enum(['lesson', 'camera']),
  /** Relative to the media root, with forward slashes. */
  path: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
});
export type LayerFile = z.infer<typeof layerFileSchema>;

const layersSchema = z.object({ key: z.string(), files: z.array(layerFileSchema).min(1) });
export type Layers = z.infer<typeof layersSchema>;

const MANIFEST = 'layers.json';
const PREFIX = 'lesson-';
/** Layers of earlier edit lists kept besides the newest, so an export reading them is never pulled from under it. */
const KEEP_OLDER = 1;

/** What the layers are made from: the microphone rides with the screen when there is one, as in a render. */
export function layerSources(take: Take): { picture?: TakeFile; camera?: TakeFile; sound?: TakeFile } {
  const video = (role: TakeFile['role']) =>
    take.files.find((file) => file.role === role && file.width !== null && file.height !== null);
  const screen = video('screen');
  const camera = video('camera');
  const withSound = take.files.filter((file) => file.audioCodec !== null);
  const sound =
    withSound.find((file) => file.role === 'screen') ??
    withSound.find((file) => file.role === 'camera') ??
    withSound[0];
  return {
    ...(screen || camera ? { picture: screen ?? camera } : {}),
    ...(screen && camera ? { camera } : {}),
    ...(sound ? { sound } : {}),
  };
}

/**
 * Why the take cannot be cut into layers, from its files' codecs alone (reading the packets may still find frames
 * stored out of order), or null.
 */
export function layersProblem(take: Take): string | null {
  const { picture, camera, sound } = layerSources(take);
  if (!picture && !sound) return 'the take has no picture or sound';
  for (const file of [picture, camera])
    if (file && file.videoCodec !== 'avc')
      return `the ${file.role} recording is ${file.videoCodec ?? 'an unknown codec'}, not H.264`;
  if (sound?.audioCodec && !COPYABLE_AUDIO_CODECS.includes(sound.audioCodec))
    return `the sound is ${sound.audioCodec}, which a package cannot carry as it is`;
  return null;
}

/** Names the edit list and the files it cuts: layers made for another key show another lesson. */
export function layersKey(document: LessonDocument, take: Take): string {
  const files = take.files.map((file) => [file.role, file.path, file.sizeBytes, file.startOffsetMs]);
  return sha256Hex(JSON.stringify({ takeId: take.id, editList: document.editList, files })).slice(0, 20);
}

/** The take's folder, relative to the media root: where its files are. */
export function takeFolder(take: Take): string {
  const first = take.files[0];
  if (!first) throw new Error('The take has no files');
  return path.posix.dirname(first.path);
}

export function layersFolder(take: Take, key: string): string {
  return `${takeFolder(take)}/${PREFIX}${key}`;
}

/** The layers made for the document's edit list, or null; a folder whose files are gone or changed counts as none. */
export function findLayers(mediaRoot: string, document: LessonDocument, take: Take): Layers | null {
  const key = layersKey(document, take);
  const folder = path.join(mediaRoot, ...layersFolder(take, key).split('/'));
  let layers: Layers;
  try {
    layers = layersSchema.parse(JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')));
  } catch {
    return null;
  }
  const intact = layers.files.every((file) => {
    try {
      return fs.statSync(path.join(mediaRoot, ...file.path.split('/'))).size === file.sizeBytes;
    } catch {
      return false;
    }
  });
  return layers.key === key && intact ? layers : null;
}

/** Writes the manifest into a finished part folder, moves it into place, and drops layers of older edit lists. */
export function keepLayers(mediaRoot: string, take: Take, part: string, layers: Layers): void {
  fs.writeFileSync(path.join(part, MANIFEST), `${JSON.stringify(layers, null, 2)}\n`);
  const folder = path.join(mediaRoot, ...layersFolder(take, layers.key).split('/'));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(part, folder);
  const parent = path.dirname(folder);
  const older = fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(PREFIX) && !entry.name.endsWith('.part'))
    .map((entry) => path.join(parent, entry.name))
    .filter((candidate) => candidate !== folder)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const stale of older.slice(KEEP_OLDER)) fs.rmSync(stale, { recursive: true, force: true });
}
