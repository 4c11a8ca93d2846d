import { sortCaptionTracks } from '@shared/editor/ordering';
import { editListSchema } from '@shared/timeline/editList';
import type { StudioDatabase } from '../store/database';
import { CaptionRows } from '../editor/captionRows';
import { publishedTracks, type PublishedTrack } from '../publish/lessonExtras';
import { isUpToDate } from '@shared/render/upToDate';

export interface RenderCaptions {
  /** What a copy of the render carries: the take's captions as they are now, on the render's clock. */
  readonly tracks: PublishedTrack[];
  /** Why the render cannot carry the lesson's captions, when it has some; null when it can (or there are none). */
  readonly unavailable: string | null;
}

interface Row {
  take_id: string;
  revision: number;
  burned_captions: string | null;
  burned_captions_key: string | null;
  path: string;
  video_codec: string | null;
  edit_list: string;
  edit_revision: number;
  picture_revision: number;
}

/**
 * The captions a copy of `renderId` can carry, made as a publish makes them (`publishedTracks`: the cues that still
 * play, in lesson time). Captions are anchored on the take, and a render is the lesson as its edit list stood when it
 * was made; while the render is up to date (nothing on the picture, the edit list included, changed since) that edit
 * list is today's, so the cues land where the render plays them. An out-of-date render may have been cut otherwise,
 * so it gets none rather than captions at the wrong moments.
 */
export function renderCaptions(db: StudioDatabase, renderId: string): RenderCaptions {
  const row = db
    .prepare(
      `SELECT r.take_id, r.revision, r.burned_captions, r.burned_captions_key, r.path, r.video_codec, e.edit_list, e.revision AS edit_revision, e.picture_revision
       FROM renders r JOIN take_edits e ON e.take_id = r.take_id WHERE r.id = ? AND r.status = 'ready'`,
    )
    .get(renderId) as Row | undefined;
  // No edits yet means no captions: they are made in the editor.
  if (!row) return { tracks: [], unavailable: null };
  const rows = new CaptionRows(db);
  const captions = {
    editList: editListSchema.parse(JSON.parse(row.edit_list)),
    captionTracks: sortCaptionTracks(rows.tracks(row.take_id)),
    captionCues: rows.cues(row.take_id),
  };
  const tracks = publishedTracks(captions);
  if (tracks.length === 0) return { tracks, unavailable: null };
  if (row.video_codec === null || !row.path.endsWith('.mp4'))
    return { tracks: [], unavailable: 'Only a render with a picture, saved as MP4, can carry captions' };
  const burned =
    row.burned_captions !== null && row.burned_captions_key !== null
      ? { language: row.burned_captions, key: row.burned_captions_key }
      : null;
  const render = { status: 'ready', takeId: row.take_id, revision: row.revision, burnedCaptions: burned } as const;
  const document = {
    takeId: row.take_id,
    revision: row.edit_revision,
    pictureRevision: row.picture_revision,
    ...captions,
  };
  const upToDate = isUpToDate(render, document);
  if (!upToDate)
    return {
      tracks: [],
      unavailable:
        burned && isUpToDate({ ...render, burnedCaptions: null }, document)
          ? 'The captions were edited after this render burned them in, so they would differ from the ones in its picture: render it again to include them'
          : 'The lesson was edited after this render was made, so its captions would no longer line up: render it again to include them',
    };
  return { tracks, unavailable: null };
}
