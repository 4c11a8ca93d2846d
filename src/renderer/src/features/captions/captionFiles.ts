import { lessonCues, toSourceTimes } from '@shared/captions/placement';
import { readSubtitles, subtitleFormatOf, writeSubtitles, type SubtitleFormat } from '@shared/captions/subtitleFiles';
import { CAPTIONS_MAX_BYTES } from '@shared/captions';
import * as commands from '@shared/editor/commands';
import type { LessonDocument } from '@shared/editor/document';
import type { Editor } from '../../lib/lessonEditing';

/**
 * Reads a WebVTT or SRT file made for the lesson as it plays and puts its cues on the track, replacing what was
 * there, as one undo step. Answers the problem (with its line) instead when the file cannot be read.
 */
export async function importSubtitleFile(
  editor: Editor,
  doc: LessonDocument,
  trackId: string,
  file: File,
): Promise<string | null> {
  if (file.size > CAPTIONS_MAX_BYTES) return `“${file.name}” is larger than 2 MB: it is not a captions file`;
  const text = await file.text();
  const read = readSubtitles(text, subtitleFormatOf(file.name, text));
  if (!read.ok) return `“${file.name}” could not be read. Line ${String(read.line)}: ${read.message}`;
  if (read.cues.length === 0) return `“${file.name}” has no captions in it`;
  const cues = toSourceTimes(doc.editList, read.cues);
  const ran = editor.run(commands.importCues, {
    trackId,
    cues,
    ids: cues.map(() => crypto.randomUUID()),
    replace: true,
    what: `Import ${file.name}`,
  });
  return ran ? null : `“${file.name}” could not be added to the captions`;
}

/** The track as learners get it (the cues that still play, in lesson time), as a file to save. */
export function exportSubtitleFile(doc: LessonDocument, trackId: string, format: SubtitleFormat, name: string): void {
  const text = writeSubtitles(lessonCues(doc.editList, doc.captionCues, trackId), format);
  const url = URL.createObjectURL(new Blob([text], { type: format === 'vtt' ? 'text/vtt' : 'application/x-subrip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
