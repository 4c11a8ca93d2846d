import type { CaptionCue, CueWord } from '../../captions/model';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';
import { findCue, withCues } from './captionList';

export interface SplitCueArgs {
  readonly id: string;
  /** The new cue's id: the second half. */
  readonly newId: string;
  /** A source time inside the cue: the playhead. */
  readonly at: number;
}

/**
 * Two captions from one at a moment. With a draft's words, the text splits between the words said before and after
 * it; without, at the space nearest the same fraction of the text (a teacher then corrects the words if need be).
 */
export const splitCue = defineCommand<SplitCueArgs>({
  run: (doc, { id, newId, at }) => {
    const cue = findCue(doc, id);
    const time = Math.round(at);
    if (time <= cue.sourceStart || time >= cue.sourceEnd)
      throw new EditRefusedError('Put the playhead inside the caption to split it there');
    const [first, second] = splitText(cue, time);
    const left: CaptionCue = {
      ...cue,
      sourceEnd: time,
      text: first.text,
      ...(first.words ? { words: first.words } : {}),
    };
    const right: CaptionCue = {
      id: newId,
      trackId: cue.trackId,
      sourceStart: time,
      sourceEnd: cue.sourceEnd,
      text: second.text,
      ...(second.words ? { words: second.words } : {}),
    };
    if (!first.words) delete left.words;
    return withCues(doc, [...doc.captionCues.filter((item) => item.id !== id), left, right]);
  },
  label: () => 'Split caption',
});

type Half = { text: string; words?: CueWord[] };

function splitText(cue: CaptionCue, at: number): [Half, Half] {
  if (cue.words && cue.words.length > 1) {
    const before = cue.words.filter((word) => (word.start + word.end) / 2 < at);
    const after = cue.words.filter((word) => (word.start + word.end) / 2 >= at);
    if (before.length > 0 && after.length > 0)
      return [
        { text: before.map((word) => word.text).join(' '), words: before },
        { text: after.map((word) => word.text).join(' '), words: after },
      ];
  }
  const fraction = (at - cue.sourceStart) / (cue.sourceEnd - cue.sourceStart);
  const target = Math.round(cue.text.length * fraction);
  let best = -1;
  for (let index = 0; index < cue.text.length; index += 1) {
    if (/\s/.test(cue.text[index] ?? '') && (best < 0 || Math.abs(index - target) < Math.abs(best - target)))
      best = index;
  }
  if (best < 0) return [{ text: cue.text }, { text: '' }];
  return [{ text: cue.text.slice(0, best).trim() }, { text: cue.text.slice(best).trim() }];
}
