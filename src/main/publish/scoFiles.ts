import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '@shared/checkpoints/sha256';
import {
  buildLessonPackage,
  sealLessonPackage,
  type LessonPackage,
  type Rendition,
  type StoredLessonPackage,
} from '@shared/player/lessonPackage';
import type { PublishFormat } from '@shared/publish/options';
import type { LessonSnapshot, SnapshotRender } from './snapshot';
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
  const media = mediaPaths(snapshot.renders);
  const tracks = publishedTracks(document);
  const lesson = buildLessonPackage({
    title: options.title,
    description: settings.description,
    language: settings.language,
    document,
    checkpoints: document.checkpoints,
    rules: { ...document.rules, masteryPercent: settings.masteryPercent, completion: settings.completion },
    media: {
      renditions: snapshot.renders.map((render, index) => rendition(render, media[index] as string)),
      captions: tracks.map((track) => ({ label: track.label, srclang: track.srclang, src: track.path })),
    },
    notes: snapshot.notes ? { html: snapshot.notes.html, formulas: snapshot.notes.formulas } : null,
  });
  // Derived from the snapshot, not random: two builds of one snapshot stay byte-identical.
  const stored = sealLessonPackage(lesson, sha256Hex(`${snapshot.lesson.id}:${snapshot.takenAt}`).slice(0, 16));
  const entries: PackageEntry[] = [
    textEntry(
      `${prefix}${LAUNCH_PAGE}`,
      withLmsMeta(fs.readFileSync(path.join(assets.playerDir, LAUNCH_PAGE), 'utf8'), settings.format),
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
    ...snapshot.renders.map((render, index) => fileEntry(`${prefix}${media[index] as string}`, render.file, false)),
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
