import { CUE_TEXT_MAX } from '../../captions/model';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';
import { findCue, withCues } from './captionList';

/** A caption joined with the one after it on its track: one caption from the first's start to the later end. */
export const mergeCueWithNext = defineCommand<{ readonly id: string }>({
  run: (doc, { id }) => {
    const cue = findCue(doc, id);
    const next = doc.captionCues
      .filter((item) => item.trackId === cue.trackId && item.id !== id && item.sourceStart >= cue.sourceStart)
      .sort((a, b) => a.sourceStart - b.sourceStart)[0];
    if (!next) throw new EditRefusedError('This is the last caption: there is none after it to join');
    const text = [cue.text, next.text].filter((part) => part.trim() !== '').join(' ');
    if (text.length > CUE_TEXT_MAX)
      throw new EditRefusedError(`Joined, the caption would be longer than ${CUE_TEXT_MAX} characters`);
    const words = cue.words && next.words ? [...cue.words, ...next.words] : undefined;
    const { words: _old, ...rest } = cue;
    const merged = { ...rest, sourceEnd: Math.max(cue.sourceEnd, next.sourceEnd), text, ...(words ? { words } : {}) };
    return withCues(doc, [...doc.captionCues.filter((item) => item.id !== id && item.id !== next.id), merged]);
  },
  label: () => 'Join captions',
});
