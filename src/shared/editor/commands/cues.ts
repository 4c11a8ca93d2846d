import { CUE_TEXT_MAX, CUES_MAX } from '../../captions/model';
import { formatTimecode } from '../../timeline/timecode';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';
import { clampCue, findCue, findTrack, withCues, wordsFor } from './captionList';

export interface AddCueArgs {
  readonly id: string;
  readonly trackId: string;
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly text: string;
}

function checkText(text: string): string {
  if (text.length > CUE_TEXT_MAX) throw new EditRefusedError(`A caption is at most ${CUE_TEXT_MAX} characters`);
  return text;
}

/** A caption on a track, at source times (the playhead, or where typing along began). */
export const addCue = defineCommand<AddCueArgs>({
  run: (doc, { id, trackId, sourceStart, sourceEnd, text }) => {
    findTrack(doc, trackId);
    if (doc.captionCues.filter((cue) => cue.trackId === trackId).length >= CUES_MAX)
      throw new EditRefusedError(`A captions track holds at most ${CUES_MAX.toLocaleString('en')} captions`);
    return withCues(doc, [
      ...doc.captionCues,
      { id, trackId, ...clampCue(doc, sourceStart, sourceEnd), text: checkText(text) },
    ]);
  },
  label: (_doc, { sourceStart }) => `Add caption at ${formatTimecode(sourceStart)}`,
});

/** What a caption says; typing in one caption is one undo step. */
export const editCueText = defineCommand<{ readonly id: string; readonly text: string }>({
  run: (doc, { id, text }) => {
    const cue = findCue(doc, id);
    const words = wordsFor(text, cue.words);
    const { words: _old, ...rest } = cue;
    return withCues(
      doc,
      doc.captionCues.map((item) =>
        item.id === id ? { ...rest, text: checkText(text), ...(words ? { words } : {}) } : item,
      ),
    );
  },
  label: () => 'Edit caption text',
  mergeKey: ({ id }) => `cue-text:${id}`,
});

/** When a caption shows; nudging one caption again and again is one undo step. */
export const setCueTimes = defineCommand<{
  readonly id: string;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}>({
  run: (doc, { id, sourceStart, sourceEnd }) => {
    const cue = findCue(doc, id);
    if (sourceEnd <= sourceStart) throw new EditRefusedError('A caption must end after it starts');
    return withCues(
      doc,
      doc.captionCues.map((item) => (item.id === id ? { ...cue, ...clampCue(doc, sourceStart, sourceEnd) } : item)),
    );
  },
  label: () => 'Change caption times',
  mergeKey: ({ id }) => `cue-time:${id}`,
});

export const removeCue = defineCommand<{ readonly id: string }>({
  run: (doc, { id }) => {
    findCue(doc, id);
    return { ...doc, captionCues: doc.captionCues.filter((cue) => cue.id !== id) };
  },
  label: () => 'Delete caption',
});
