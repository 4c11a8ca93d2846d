import { captionTrackInfoSchema } from '../../captions/model';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';
import { findTrack, withTracks } from './captionList';

export interface CaptionTrackArgs {
  readonly id: string;
  readonly label: string;
  readonly srclang: string;
}

function checkedTrack(args: CaptionTrackArgs) {
  const parsed = captionTrackInfoSchema.safeParse(args);
  if (!parsed.success) throw new EditRefusedError(parsed.error.issues[0]?.message ?? 'Those captions are not valid');
  return parsed.data;
}

function refuseTaken(tracks: readonly { id: string; srclang: string }[], id: string, srclang: string) {
  const taken = tracks.find((track) => track.id !== id && track.srclang.toLowerCase() === srclang.toLowerCase());
  if (taken) throw new EditRefusedError(`This lesson already has captions in “${srclang}”`);
}

/** A new, empty captions track for one language. */
export const addCaptionTrack = defineCommand<CaptionTrackArgs>({
  run: (doc, args) => {
    const track = checkedTrack(args);
    refuseTaken(doc.captionTracks, track.id, track.srclang);
    return withTracks(doc, [...doc.captionTracks, track]);
  },
  label: (_doc, { label }) => `Add ${label} captions`,
});

/** Renames a track or changes its language. */
export const editCaptionTrack = defineCommand<CaptionTrackArgs>({
  run: (doc, args) => {
    findTrack(doc, args.id);
    const track = checkedTrack(args);
    refuseTaken(doc.captionTracks, track.id, track.srclang);
    return withTracks(
      doc,
      doc.captionTracks.map((item) => (item.id === track.id ? track : item)),
    );
  },
  label: (_doc, { label }) => `Rename captions to ${label}`,
});

/** Removes a track and all its cues, in one step that undo brings back whole. */
export const removeCaptionTrack = defineCommand<{ readonly id: string }>({
  run: (doc, { id }) => {
    findTrack(doc, id);
    return {
      ...doc,
      captionTracks: doc.captionTracks.filter((track) => track.id !== id),
      captionCues: doc.captionCues.filter((cue) => cue.trackId !== id),
    };
  },
  label: (doc, { id }) => `Remove ${findTrack(doc, id).label} captions`,
});
