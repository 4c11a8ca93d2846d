import type { KeyboardEvent } from 'react';
import type { Checkpoint } from '@shared/checkpoints/schema';
import { questionName } from '@shared/editor/commands';
import { formatTimecode, type PlacedPoint } from '@shared/timeline';
import type { TimelineView } from './useTimelineView';
import { usePinDrag } from './usePinDrag';
import { cx } from '../../../lib/classNames';
import styles from './QuestionLane.module.css';

interface QuestionLaneProps {
  view: TimelineView;
  questions: readonly PlacedPoint<Checkpoint>[];
  selectedId: string | null;
  onSelect: (question: PlacedPoint<Checkpoint>) => void;
  onEdit: (question: PlacedPoint<Checkpoint>) => void;
  /** To a lesson time: on drop after a drag, and for each arrow-key nudge (which merge into one undo step). */
  onMove: (question: PlacedPoint<Checkpoint>, lessonMs: number) => void;
  /** Reached by Tab: selected, so Delete and the selection bar act on it, without moving the playhead. */
  onFocusQuestion: (question: PlacedPoint<Checkpoint>) => void;
}

const NUDGE_MS = 100;

/**
 * Questions as round pins on their own lane, apart from the key-moment flags: click to select and jump, double-click
 * to edit, drag or ←/→ (Shift: a second) to move. A question in a removed range sits at the cut, marked "cut out".
 */
export function QuestionLane({
  view,
  questions,
  selectedId,
  onSelect,
  onEdit,
  onMove,
  onFocusQuestion,
}: QuestionLaneProps) {
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
    <div className={styles.lane}>
      {shown.map((question) => {
        const name = questionName(question.prompt);
        return (
          <button
            key={question.id}
            type="button"
            className={cx(
              styles.pin,
              question.removed && styles.removed,
              question.id === selectedId && styles.selected,
              !question.required && styles.optional,
            )}
            style={{ left: question.lessonMs * view.pxPerMs + pins.offsetOf(question.id) }}
            aria-label={`Question “${name}” at ${formatTimecode(question.lessonMs)}${question.removed ? ', cut out' : ''}`}
            title={`${name}: drag or use ←/→ to move, double-click to edit`}
            {...pins.handlersFor(question)}
            onFocus={() => onFocusQuestion(question)}
            onClick={(event) => event.detail === 0 && onSelect(question)}
            onDoubleClick={() => onEdit(question)}
            onKeyDown={(event) => key(event, question)}
          >
            <span className={styles.dot} aria-hidden="true">
              ?
            </span>
            <span className={styles.text}>{question.removed ? 'cut out' : name}</span>
          </button>
        );
      })}
    </div>
  );
}
