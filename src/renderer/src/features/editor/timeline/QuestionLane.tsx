import type { KeyboardEvent } from 'react';
import type { Checkpoint } from '@shared/checkpoints/schema';
import { questionName } from '@shared/editor/commands';
import { formatTimecode, type PlacedPoint } from '@shared/timeline';
import type { TimelineView } from './useTimelineView';
import { usePinDrag } from './usePinDrag';

interface QuestionLaneProps {
  view: TimelineView;
  questions: readonly PlacedPoint<Checkpoint>[];
  selectedId: string | null;
  onSelect: (question: PlacedPoint<Checkpoint>) => void;
  onEdit: (question: PlacedPoint<Checkpoint>) => void;
  /** To a lesson time: on drop after a drag, and for each arrow-key nudge (which merge into one undo step). */
  onMove: (question: PlacedPoint<Checkpoint>, lessonMs: number) => void;
}

const NUDGE_MS = 100;

/**
 * Questions as round pins on their own lane, apart from the key-moment flags: click to select and jump, double-click
 * to edit, drag or ←/→ (Shift: a second) to move. A question in a removed range sits at the cut, marked "cut out".
 */
export function QuestionLane({ view, questions, selectedId, onSelect, onEdit, onMove }: QuestionLaneProps) {
  const pins = usePinDrag<PlacedPoint<Checkpoint>>({
    pxPerMs: view.pxPerMs,
    onDrop: (question, lessonMs) => onMove(question, Math.max(0, lessonMs)),
    onClick: onSelect,
    primaryButtonOnly: true,
  });
  const from = (view.scrollLeft - 200) / view.pxPerMs;
  const to = (view.scrollLeft + view.width) / view.pxPerMs;
  const shown = questions.filter((question) => question.lessonMs >= from && question.lessonMs <= to);

  const key = (event: KeyboardEvent, question: PlacedPoint<Checkpoint>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = (event.shiftKey ? 1000 : NUDGE_MS) * (event.key === 'ArrowLeft' ? -1 : 1);
    onMove(question, Math.max(0, question.lessonMs + step));
  };

  return (
    <div className="lane lane-questions">
      {shown.map((question) => {
        const name = questionName(question.prompt);
        const classes = [
          'question-pin',
          question.removed ? 'is-removed' : '',
          question.id === selectedId ? 'is-selected' : '',
          question.required ? '' : 'is-optional',
        ];
        return (
          <button
            key={question.id}
            type="button"
            className={classes.filter(Boolean).join(' ')}
            style={{ left: question.lessonMs * view.pxPerMs + pins.offsetOf(question.id) }}
            aria-label={`Question “${name}” at ${formatTimecode(question.lessonMs)}${question.removed ? ', cut out' : ''}`}
            title={`${name}: drag or use ←/→ to move, double-click to edit`}
            {...pins.handlersFor(question)}
            onClick={(event) => event.detail === 0 && onSelect(question)}
            onDoubleClick={() => onEdit(question)}
            onKeyDown={(event) => key(event, question)}
          >
            <span className="question-pin-dot" aria-hidden="true">
              ?
            </span>
            <span className="question-pin-text">{question.removed ? 'cut out' : name}</span>
          </button>
        );
      })}
    </div>
  );
}
