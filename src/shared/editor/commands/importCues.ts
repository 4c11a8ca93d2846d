import { CUES_MAX, type TimedText } from '../../captions/model';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';
import { clampCue, findTrack, withCues } from './captionList';

export interface ImportCuesArgs {
  readonly trackId: string;
  /** In source time already (see toSourceTimes), with one id each in `ids`. */
  readonly cues: readonly TimedText[];
  readonly ids: readonly string[];
  /** Replace the track's cues (a file, a fresh draft) or add to them. */
  readonly replace: boolean;
  readonly what: string;
}

/** Many captions at once (a WebVTT or SRT file, a speech draft), as one undo step. */
export const importCues = defineCommand<ImportCuesArgs>({
  run: (doc, { trackId, cues, ids, replace }) => {
    findTrack(doc, trackId);
    const kept = doc.captionCues.filter((cue) => !(replace && cue.trackId === trackId));
    const added = cues
      .filter((cue) => cue.end <= doc.editList.sourceDuration && cue.text.trim() !== '')
      .map((cue, index) => ({
        id: ids[index] ?? '',
        trackId,
        ...clampCue(doc, cue.start, cue.end),
        text: cue.text,
        ...(cue.words && cue.words.length > 0 ? { words: [...cue.words] } : {}),
      }));
    if (added.some((cue) => cue.id === '')) throw new EditRefusedError('Each imported caption needs an id');
    if (kept.filter((cue) => cue.trackId === trackId).length + added.length > CUES_MAX)
      throw new EditRefusedError(`A captions track holds at most ${CUES_MAX.toLocaleString('en')} captions`);
    return withCues(doc, [...kept, ...added]);
  },
  label: (_doc, { what }) => what,
});
