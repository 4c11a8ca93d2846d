import fs from 'node:fs';
import path from 'node:path';
import { buildLessonPackage, type LessonPackage, type Rendition } from '@shared/player/lessonPackage';
import type { ManifestInput } from '@shared/publish/manifestInput';
import type { PublishFormat } from '@shared/publish/options';
import { scorm12Manifest } from '@shared/publish/scorm12Manifest';
import { scorm2004Manifest } from '@shared/publish/scorm2004Manifest';
import { SCHEMA_FILES, SCHEMA_FOLDERS } from './schemas';
import type { LessonSnapshot, SnapshotRender } from './snapshot';

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

export interface PackagePlan {
  readonly format: PublishFormat;
  readonly entries: readonly PackageEntry[];
  readonly lesson: LessonPackage;
  readonly launch: string;
}

export interface PlanAssets {
  /** out/player: index.html, player.js, player.css. */
  readonly playerDir: string;
  /** out/publish-schemas (or the devDependency's folder). */
  readonly schemaRoot: string;
}

export const LAUNCH_PAGE = 'index.html';
const PLAYER_FILES = ['player.js', 'player.css'] as const;

/** The file list for one format, from one frozen snapshot. Pure but for reading the player and schema files. */
export function planPackage(snapshot: LessonSnapshot, assets: PlanAssets): PackagePlan {
  const { settings, document } = snapshot;
  const media = mediaPaths(snapshot.renders);
  const captions = captionPaths(snapshot.captions);
  const lesson = buildLessonPackage({
    title: settings.title,
    description: settings.description,
    language: settings.language,
    document,
    checkpoints: document.checkpoints,
    rules: { ...document.rules, masteryPercent: settings.masteryPercent, completion: settings.completion },
    media: {
      renditions: snapshot.renders.map((render, index) => rendition(render, media[index] as string)),
      captions: snapshot.captions.map((caption, index) => ({
        label: caption.label,
        srclang: caption.srclang,
        src: captions[index] as string,
      })),
    },
  });
  const text = (file: string, contents: string): PackageEntry => ({
    path: file,
    kind: 'bytes',
    data: Buffer.from(contents, 'utf8'),
    compress: true,
  });
  const onDisk = (file: string, source: string, compress: boolean): PackageEntry => ({
    path: file,
    kind: 'file',
    file: source,
    size: fs.statSync(source).size,
    compress,
  });

  const sco: PackageEntry[] = [
    text(LAUNCH_PAGE, withLmsMeta(fs.readFileSync(path.join(assets.playerDir, LAUNCH_PAGE), 'utf8'), settings.format)),
    ...PLAYER_FILES.map((file) => onDisk(file, path.join(assets.playerDir, file), true)),
    text('lesson.json', `${JSON.stringify(lesson, null, 2)}\n`),
    text(
      'lesson.js',
      lessonScript(
        lesson,
        snapshot.captions.map((caption) => fs.readFileSync(caption.file, 'utf8')),
      ),
    ),
    // Video is already compressed: storing it keeps the zip fast to write and lets an LMS serve ranges from it.
    ...snapshot.renders.map((render, index) => onDisk(media[index] as string, render.file, false)),
    ...snapshot.captions.map((caption, index) => onDisk(captions[index] as string, caption.file, true)),
  ];
  if (settings.format === 'web' || settings.format === 'classServer')
    return { format: settings.format, entries: sco, lesson, launch: LAUNCH_PAGE };

  const version = settings.format;
  const scored = lesson.checkpoints.some((checkpoint) => checkpoint.points > 0);
  const input: ManifestInput = {
    lessonId: snapshot.lesson.id,
    title: settings.title,
    description: settings.description,
    language: settings.language,
    version: settings.version,
    masteryPercent: scored ? settings.masteryPercent : null,
    files: sco.map((entry) => entry.path),
    launch: LAUNCH_PAGE,
  };
  const manifest = version === 'scorm12' ? scorm12Manifest(input) : scorm2004Manifest(input);
  const schemas = SCHEMA_FILES[version].map((file) =>
    onDisk(file, path.join(assets.schemaRoot, SCHEMA_FOLDERS[version], file), true),
  );
  return {
    format: version,
    entries: [text('imsmanifest.xml', manifest), ...schemas, ...sco],
    lesson,
    launch: LAUNCH_PAGE,
  };
}

/** The player reads which LMS to look for from this tag (src/player/standalone.ts). */
export function withLmsMeta(html: string, format: PublishFormat): string {
  const meta = `<meta name="flipside-lms" content="${format}">`;
  // Either form: the page is formatted with Prettier, which writes void elements as `<meta … />`.
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(html))
    throw new Error('The player page has no <meta charset> to place the LMS tag after; rebuild the player');
  return html.replace(charset, (found) => `${found}\n    ${meta}`);
}

/**
 * lesson.js sets the same object as lesson.json; `<` and line separators escaped so no text can end the script.
 * Chromium refuses `<track>` files to a page opened from disk (file: origins are opaque), so the captions' text rides
 * along and, on file: only, becomes blob: addresses, which the player's URL policy and the page's CSP allow.
 */
export function lessonScript(lesson: LessonPackage, captionTexts: readonly string[] = []): string {
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

/** captions/en.vtt, captions/pt-br.vtt …: from the language tag (already limited to letters, digits and dashes). */
function captionPaths(captions: readonly { readonly srclang: string }[]): string[] {
  const used = new Set<string>();
  return captions.map((caption) => {
    const stem = caption.srclang.replace(/[^A-Za-z0-9-]/g, '').toLowerCase() || 'captions';
    let name = `captions/${stem}.vtt`;
    for (let n = 2; used.has(name); n += 1) name = `captions/${stem}-${n}.vtt`;
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
