import type { LessonDocument } from '@shared/editor/document';
import { questionName } from '@shared/editor/commands';
import { createLessonMap, formatTimecode, formatTimecodeRange, placeCallouts, segmentAt } from '@shared/timeline';

/**
 * The one thing the editor has selected: what Delete acts on and what the timeline and panels highlight. Selecting
 * anything replaces what was selected before, so Delete never reaches something the teacher no longer sees as
 * selected. A part's start and end are source times, so edits never move them; either may be unset while the
 * teacher is marking it.
 */
export type EditorSelection =
  | { readonly kind: 'none' }
  | { readonly kind: 'part'; readonly startMs: number | null; readonly endMs: number | null }
  | { readonly kind: 'section'; readonly atMs: number }
  | { readonly kind: 'callout'; readonly id: string }
  | { readonly kind: 'marker'; readonly id: string }
  | { readonly kind: 'checkpoint'; readonly id: string };

export const NOTHING_SELECTED: EditorSelection = { kind: 'none' };

export const SELECT = {
  section: (atMs: number): EditorSelection => ({ kind: 'section', atMs }),
  part: (startMs: number | null, endMs: number | null): EditorSelection => ({ kind: 'part', startMs, endMs }),
  callout: (id: string): EditorSelection => ({ kind: 'callout', id }),
  marker: (id: string): EditorSelection => ({ kind: 'marker', id }),
  checkpoint: (id: string): EditorSelection => ({ kind: 'checkpoint', id }),
};

export function sameSelection(a: EditorSelection, b: EditorSelection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The id of the selected item of one kind, or null: what a list or lane highlights. */
export function selectedId(selection: EditorSelection, kind: 'callout' | 'marker' | 'checkpoint'): string | null {
  return selection.kind === kind ? selection.id : null;
}

/** The selected part in source time when both ends are set and apart, in order. */
export function selectedRange(selection: EditorSelection): { start: number; end: number } | null {
  if (selection.kind !== 'part') return null;
  const { startMs, endMs } = selection;
  if (startMs === null || endMs === null || startMs === endMs) return null;
  return { start: Math.min(startMs, endMs), end: Math.max(startMs, endMs) };
}

/** What Delete (and the button beside the selection, in the same words) does to the selection. */
export type DeleteAction =
  | { readonly kind: 'cut-part'; readonly range: { start: number; end: number } }
  | { readonly kind: 'cut-section'; readonly atMs: number }
  | { readonly kind: 'remove-callout' | 'remove-marker' | 'remove-checkpoint'; readonly id: string };

/** The selection in words ("Section 0:04.0–0:08.0"), and what Delete will do to it, in words and as an action. */
export interface SelectionSummary {
  readonly what: string;
  readonly remove: { readonly label: string; readonly action: DeleteAction } | null;
}

const CALLOUT_KINDS = { text: 'Text callout', arrow: 'Arrow', highlight: 'Highlight', blur: 'Blur' } as const;

/**
 * Says what is selected and what Delete will do, or null when nothing is (or the selected item is gone, e.g. after
 * an undo). A part with one end set says how to finish it and offers nothing to delete.
 */
export function summarizeSelection(selection: EditorSelection, doc: LessonDocument): SelectionSummary | null {
  const map = createLessonMap(doc.editList);
  const lessonTime = (sourceMs: number) => map.sourceToLesson(sourceMs).lessonMs;
  switch (selection.kind) {
    case 'none':
      return null;
    case 'part': {
      const range = selectedRange(selection);
      if (!range) {
        const { startMs, endMs } = selection;
        if (startMs !== null)
          return { what: `Part from ${formatTimecode(lessonTime(startMs))}: press O where it ends`, remove: null };
        if (endMs !== null)
          return { what: `Part up to ${formatTimecode(lessonTime(endMs))}: press I where it starts`, remove: null };
        return null;
      }
      return {
        what: `Part ${formatTimecodeRange(lessonTime(range.start), lessonTime(range.end))}`,
        remove: { label: 'Cut this part', action: { kind: 'cut-part', range } },
      };
    }
    case 'section': {
      const section = segmentAt(doc.editList, selection.atMs);
      if (!section) return null;
      return {
        what: `Section ${formatTimecodeRange(section.lessonStart, section.lessonEnd)}`,
        remove: { label: 'Cut this section', action: { kind: 'cut-section', atMs: selection.atMs } },
      };
    }
    case 'callout': {
      const callout = doc.callouts.find((candidate) => candidate.id === selection.id);
      if (!callout) return null;
      const name = `${CALLOUT_KINDS[callout.kind]}${callout.text ? ` “${callout.text}”` : ''}`;
      // Said here because the picture does not draw it: learners never see a callout the lesson cut out.
      const cutOut = placeCallouts(doc.editList, [callout])[0]?.removed === true;
      return {
        what: cutOut ? `${name}, inside a cut: not shown` : name,
        remove: { label: 'Delete this callout', action: { kind: 'remove-callout', id: callout.id } },
      };
    }
    case 'marker': {
      const marker = doc.markers.find((candidate) => candidate.id === selection.id);
      if (!marker) return null;
      return {
        what: `Key moment “${marker.title}”`,
        remove: { label: 'Delete this key moment', action: { kind: 'remove-marker', id: marker.id } },
      };
    }
    case 'checkpoint': {
      const checkpoint = doc.checkpoints.find((candidate) => candidate.id === selection.id);
      if (!checkpoint) return null;
      return {
        what: `Question “${questionName(checkpoint.prompt)}”`,
        remove: { label: 'Delete this question', action: { kind: 'remove-checkpoint', id: checkpoint.id } },
      };
    }
  }
}
