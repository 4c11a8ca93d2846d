import type { LessonDocument } from '../editor/document';
import type { Render } from '../media/renders';
import { burnedCaptions } from './burnedCaptions';

/** What tells whether a render still shows the lesson: the picture's revisions and, for burned captions, the cues. */
export type UpToDateDocument = Pick<
  LessonDocument,
  'takeId' | 'revision' | 'pictureRevision' | 'editList' | 'captionTracks' | 'captionCues'
>;

/**
 * A render still shows the lesson when nothing it shows has changed since it was made: notes, captions, questions and
 * the like come from the document when publishing, so they leave it current, except captions the render burned into
 * its picture, which must be today's cues of that language (compared by their key).
 */
export function isUpToDate(
  render: Pick<Render, 'status' | 'takeId' | 'revision' | 'burnedCaptions'>,
  document: UpToDateDocument,
): boolean {
  const picture =
    render.status === 'ready' &&
    render.takeId === document.takeId &&
    render.revision >= (document.pictureRevision ?? document.revision) &&
    render.revision <= document.revision;
  if (!picture || !render.burnedCaptions) return picture;
  return burnedCaptions(document, render.burnedCaptions.language)?.key === render.burnedCaptions.key;
}
