import fs from 'node:fs';
import path from 'node:path';
import { lessonCues } from '@shared/captions/placement';
import { writeSubtitles } from '@shared/captions/subtitleFiles';
import type { LessonDocument } from '@shared/editor/document';
import { escapeHtml } from '@shared/checkpoints/markdown';
import { fileEntry, textEntry, type PackageEntry, type PlanAssets } from './scoFiles';
import type { SnapshotNotes } from './snapshot';

/** One published captions track: made from the document's cues at publish time, in lesson time. */
export interface PublishedTrack {
  readonly label: string;
  readonly srclang: string;
  /** captions/en.vtt …, from the language tag (already limited to letters, digits and dashes). */
  readonly path: string;
  readonly text: string;
}

/** Every track with at least one cue that still plays; cues inside a cut are left out, cut-through ones clipped. */
export function publishedTracks(
  document: Pick<LessonDocument, 'editList' | 'captionTracks' | 'captionCues'>,
): PublishedTrack[] {
  const used = new Set<string>();
  return document.captionTracks.flatMap((track) => {
    const cues = lessonCues(document.editList, document.captionCues, track.id);
    if (cues.length === 0) return [];
    const stem = track.srclang.replace(/[^A-Za-z0-9-]/g, '').toLowerCase() || 'captions';
    let name = `captions/${stem}.vtt`;
    for (let n = 2; used.has(name); n += 1) name = `captions/${stem}-${String(n)}.vtt`;
    used.add(name);
    return [{ label: track.label, srclang: track.srclang, path: name, text: writeSubtitles(cues, 'vtt') }];
  });
}

export const NOTES_FOLDER = 'notes/';
/** KaTeX's style sheet (fonts as woff2 only) as the player build copies it (vite.player.config.ts). */
export const KATEX_FOLDER = 'katex';

/**
 * The notes' files under `notes/`: a page of its own (index.html, no script at all, printable, readable where the
 * player is not), the lesson files they use, and KaTeX's style sheet and fonts only when a formula needs them.
 */
export function notesEntries(
  notes: SnapshotNotes | null,
  assets: PlanAssets,
  prefix: string,
  title: string,
  language: string,
): PackageEntry[] {
  if (!notes) return [];
  const folder = `${prefix}${NOTES_FOLDER}`;
  const katexDir = path.join(assets.playerDir, KATEX_FOLDER);
  const katex = notes.formulas
    ? fs.readdirSync(katexDir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
        if (!entry.isFile()) return [];
        const source = path.join(entry.parentPath, entry.name);
        const relative = path.relative(katexDir, source).split(path.sep).join('/');
        return [fileEntry(`${folder}${KATEX_FOLDER}/${relative}`, source, !relative.endsWith('.woff2'))];
      })
    : [];
  return [
    textEntry(`${folder}index.html`, notesPage(notes, title, language)),
    ...notes.files.map((file) => fileEntry(`${folder}files/${encodeURIComponent(file.name)}`, file.file, true)),
    ...katex,
  ];
}

function notesPage(notes: SnapshotNotes, title: string, language: string): string {
  const katex = notes.formulas ? `\n    <link rel="stylesheet" href="${KATEX_FOLDER}/katex.css" />` : '';
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)}: notes</title>
    <link rel="stylesheet" href="../player.css" />${katex}
  </head>
  <body class="fs-notes-page">
    <main class="fs-notes-body">
      <h1>${escapeHtml(title)}</h1>
${withInlineStyles(notes.html)}
    </main>
  </body>
</html>
`;
}

/**
 * This page has no script to apply KaTeX's sizes through the CSSOM, and its CSP allows inline styles, so the sizes
 * (checked against the allow-list when compiled) go back into style attributes. In text, where the same characters
 * could appear, the change stays text: it cannot open a tag.
 */
function withInlineStyles(html: string): string {
  return html.replaceAll(' data-fs-style="', ' style="');
}
