import { MessageCircleQuestionMark, Pencil, Trash2 } from 'lucide-react';
import type { Checkpoint } from '@shared/checkpoints/schema';
import { questionName } from '@shared/editor/commands';
import { formatTimecode, type PlacedPoint } from '@shared/timeline';
import { AnchorItem, AnchorList } from '../../ui/AnchorList';
import { IconButton } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { questionType } from './questionTypes';
import styles from './QuestionList.module.css';

interface QuestionListProps {
  questions: readonly PlacedPoint<Checkpoint>[];
  selectedId: string | null;
  onJump: (question: PlacedPoint<Checkpoint>) => void;
  onSelect: (question: PlacedPoint<Checkpoint>) => void;
  onEdit: (question: Checkpoint) => void;
  onDelete: (question: Checkpoint) => void;
}

/** The lesson's questions in time order; one inside a cut stays listed, flagged, until the cut is restored or it is moved. */
export function QuestionList({ questions, selectedId, onJump, onSelect, onEdit, onDelete }: QuestionListProps) {
  if (questions.length === 0) {
    return (
      <EmptyState compact icon={<MessageCircleQuestionMark size={24} />} title="No questions yet">
        <p>Press Q or “Question” to ask one at the playhead. The learner’s video stops there until it is answered.</p>
      </EmptyState>
    );
  }
  return (
    <AnchorList label="Questions" items={questions} selectedId={selectedId} onJump={onJump} onFocusItem={onSelect}>
      {(question) => {
        const { label, icon: Icon } = questionType(question.type);
        const name = questionName(question.prompt);
        return (
          <AnchorItem
            id={question.id}
            textValue={name}
            time={formatTimecode(question.lessonMs)}
            icon={
              <span className={styles.typeIcon} title={label}>
                <Icon size={16} aria-label={label} />
              </span>
            }
            title={name}
            note={
              question.removed
                ? 'Cut out: learners will not see it'
                : `${label} · ${question.required ? 'required' : 'optional'}`
            }
            removed={question.removed}
          >
            <IconButton aria-label={`Edit question “${name}”`} onPress={() => onEdit(question)}>
              <Pencil size={15} aria-hidden="true" />
            </IconButton>
            <IconButton aria-label={`Delete question “${name}”`} onPress={() => onDelete(question)}>
              <Trash2 size={15} aria-hidden="true" />
            </IconButton>
          </AnchorItem>
        );
      }}
    </AnchorList>
  );
}
