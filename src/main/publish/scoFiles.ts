import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '@shared/checkpoints/sha256';
import {
  buildLessonPackage,
  sealLessonPackage,
  type LessonMediaInput,
  type LessonPackage,
  type Rendition,
  type StoredLessonPackage,
} from '@shared/player/lessonPackage';
import type { PublishFormat } from '@shared/publish/options';
import type { LessonSnapshot, SnapshotLayer, SnapshotRender } from './snapshot';
import { notesEntries, publishedTracks } from './lessonExtras';

/** One file of a package: bytes made here, or a file on disk streamed in. */
export type PackageEntry =
  | { readonly path: string; readonly kind: 'bytes'; readonly data: Buffer; readonly compress: boolean }
  | {
      readonly path: string;
      readonly kind: 'file';
      readonly file: string;
      readonly size: number;
      readonly compress: boolean;
    };

export interface PlanAssets {
  /** out/player: index.html, player.js, player.css. */
  readonly playerDir: string;
  /** resources/schemas (see schemas.ts). */
  readonly schemaRoot: string;
}

export const LAUNCH_PAGE = 'index.html';
const PLAYER_FILES = ['player.js', 'player.css'] as const;

export const textEntry = (file: string, contents: string): PackageEntry => ({
  path: file,
  kind: 'bytes',
  data: Buffer.from(contents, 'utf8'),
  compress: true,
});

export const fileEntry = (file: string, source: string, compress: boolean): PackageEntry => ({
  path: file,
  kind: 'file',
  file: source,
  size: fs.statSync(source).size,
  compress,
});

/**
 * One lesson's player files under `prefix` (the package root, or an AU's folder in a cmi5 course): the launch page
 * told which LMS to look for, the player, lesson.json and lesson.js with the answer key sealed, the media, captions.
 */
export function scoFiles(
  snapshot: LessonSnapshot,
  assets: PlanAssets,
  options: { readonly prefix: string; readonly title: string },
): { entries: PackageEntry[]; lesson: LessonPackage } {
  const { settings, document } = snapshot;
  const { prefix } = options;
  const video = snapshot.layers ? layeredMedia(snapshot.layers) : renderedMedia(snapshot.renders);
  const tracks = publishedTracks(document);
  const lesson = buildLessonPackage({
    title: options.title,
    description: settings.description,
    language: settings.language,
    document,
    checkpoints: document.checkpoints,
    rules: { ...document.rules, masteryPercent: settings.masteryPercent, completion: settings.completion },
    media: {
      ...video.media,
      captions: tracks.map((track) => ({ label: track.label, srclang: track.srclang, src: track.path })),
    },
    notes: snapshot.notes ? { html: snapshot.notes.html, formulas: snapshot.notes.formulas } : null,
    // Over the plain recording the player draws every callout; over a render, those not burned in.
    callouts: snapshot.layers ? 'all' : 'overlaid',
  });
  // Derived from the snapshot, not random: two builds of one snapshot stay byte-identical.
  const stored = sealLessonPackage(lesson, sha256Hex(`${snapshot.lesson.id}:${snapshot.takenAt}`).slice(0, 16));
  const entries: PackageEntry[] = [
    textEntry(
      `${prefix}${LAUNCH_PAGE}`,
      // A lesson inside a Common Cartridge plays as the web folder does: LMSs give web content no API to report to.
      withLmsMeta(
        fs.readFileSync(path.join(assets.playerDir, LAUNCH_PAGE), 'utf8'),
        settings.format === 'cc' ? 'web' : settings.format,
      ),
    ),
    ...PLAYER_FILES.map((file) => fileEntry(`${prefix}${file}`, path.join(assets.playerDir, file), true)),
    textEntry(`${prefix}lesson.json`, `${JSON.stringify(stored, null, 2)}\n`),
    textEntry(
      `${prefix}lesson.js`,
      lessonScript(
        stored,
        tracks.map((track) => track.text),
      ),
    ),
    // Video is already compressed: storing it keeps the zip fast to write and lets an LMS serve ranges from it.
    ...video.files.map(({ path: inPackage, file }) => fileEntry(`${prefix}${inPackage}`, file, false)),
    ...tracks.map((track) => textEntry(`${prefix}${track.path}`, track.text)),
    ...notesEntries(snapshot.notes, assets, prefix, options.title, settings.language),
  ];
  return { entries, lesson };
}

/**
 * The player reads which LMS to look for from this tag (src/player/standalone.ts). A cmi5 AU talks to the LMS's
 * endpoint and fetch URL, which an LMS may host on another https origin than the content, so its CSP lets it connect
 * there; the other formats stay 'self' only.
 */
export function withLmsMeta(html: string, format: PublishFormat): string {
  const meta = `<meta name="flipside-lms" content="${format}">`;
  if (format === 'cmi5' && !html.includes("connect-src 'self';"))
    throw new Error('The player page has no connect-src to open to the cmi5 endpoint; rebuild the player');
  const page = format === 'cmi5' ? html.replace("connect-src 'self';", "connect-src 'self' https:;") : html;
  // Either spelling of the void tag: the source page is formatted by Prettier (`<meta charset="utf-8" />`).
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(page))
    throw new Error('The player page has no <meta charset> to place the LMS tag after; rebuild the player');
  return page.replace(charset, (found) => `${found}\n    ${meta}`);
}

/**
 * lesson.js sets the same object as lesson.json; `<` and line separators escaped so no text can end the script.
 * Chromium refuses `<track>` files to a page opened from disk (file: origins are opaque), so the captions' text rides
 * along and, on file: only, becomes blob: addresses, which the player's URL policy and the page's CSP allow.
 */
function lessonScript(lesson: StoredLessonPackage, captionTexts: readonly string[] = []): string {
  const script = `window.FLIPSIDE_LESSON = ${scriptJson(lesson)};\n`;
  if (captionTexts.length === 0) return script;
  return `${script}(function (lesson, texts) {
  if (location.protocol !== 'file:' || typeof URL.createObjectURL !== 'function') return;
  lesson.media.captions.forEach(function (track, index) {
    track.src = URL.createObjectURL(new Blob([texts[index]], { type: 'text/vtt' }));
  });
})(window.FLIPSIDE_LESSON, ${scriptJson(captionTexts)});\n`;
}

function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

interface PackageVideo {
  readonly media: Pick<LessonMediaInput, 'renditions' | 'camera'>;
  /** Each video file: its path in the package and on disk. */
  readonly files: readonly { readonly path: string; readonly file: string }[];
}

function renderedMedia(renders: readonly SnapshotRender[]): PackageVideo {
  const paths = mediaPaths(renders);
  return {
    media: { renditions: renders.map((render, index) => rendition(render, paths[index] as string)) },
    files: renders.map((render, index) => ({ path: paths[index] as string, file: render.file })),
  };
}

/**
 * A `player` package: the lesson's picture and sound as one rendition, the camera apart for the player to draw as the
 * bubble. Both were cut from one recording onto the lesson's clock, so the camera's offset is nil.
 */
function layeredMedia(layers: readonly SnapshotLayer[]): PackageVideo {
  const main = layers.find((layer) => layer.role === 'lesson');
  if (!main) throw new Error('The lesson’s layers have no picture or sound');
  const camera = layers.find((layer) => layer.role === 'camera');
  const size = (layer: SnapshotLayer) => ({
    ...(layer.width ? { width: layer.width } : {}),
    ...(layer.height ? { height: layer.height } : {}),
  });
  const audioOnly = main.videoCodec === null;
  const mainPath = audioOnly ? 'media/lesson.m4a' : 'media/lesson.mp4';
  return {
    media: {
      renditions: [
        {
          label: main.height ? `${main.height}p` : 'Audio only',
          src: mainPath,
          type: audioOnly ? 'audio/mp4' : 'video/mp4',
          ...size(main),
        },
      ],
      ...(camera
        ? { camera: { label: 'Camera', src: 'media/camera.mp4', type: 'video/mp4', offsetMs: 0, ...size(camera) } }
        : {}),
    },
    files: [{ path: mainPath, file: main.file }, ...(camera ? [{ path: 'media/camera.mp4', file: camera.file }] : [])],
  };
}

/** media/720p.mp4, media/480p.mp4 …: from the label, made unique, never from anything a path could escape with. */
function mediaPaths(renders: readonly SnapshotRender[]): string[] {
  const used = new Set<string>();
  return renders.map((render) => {
    const extension = path.extname(render.path).replace(/[^A-Za-z0-9.]/g, '') || '.mp4';
    const stem =
      render.label
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'video';
    let name = `media/${stem}${extension}`;
    for (let n = 2; used.has(name); n += 1) name = `media/${stem}-${n}${extension}`;
    used.add(name);
    return name;
  });
}

function rendition(render: SnapshotRender, src: string): Rendition {
  const extension = path.extname(render.path).toLowerCase();
  const audioOnly = render.height === null || render.height === 0;
  const type =
    extension === '.webm' ? (audioOnly ? 'audio/webm' : 'video/webm') : audioOnly ? 'audio/mp4' : 'video/mp4';
  return {
    label: render.label,
    src,
    type,
    ...(render.width ? { width: render.width } : {}),
    ...(render.height ? { height: render.height } : {}),
  };
}
