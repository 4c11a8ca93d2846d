import { GridList, GridListItem, ListLayout, Virtualizer } from 'react-aria-components';
import { MessageCircleQuestionMark, Pencil, Trash2 } from 'lucide-react';
import type { Checkpoint } from '@shared/checkpoints/schema';
import { questionName } from '@shared/editor/commands';
import { formatTimecode, type PlacedPoint } from '@shared/timeline';
import { IconButton } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { questionType } from './questionTypes';

interface QuestionListProps {
  questions: readonly PlacedPoint<Checkpoint>[];
  selectedId: string | null;
  onJump: (question: PlacedPoint<Checkpoint>) => void;
  onEdit: (question: Checkpoint) => void;
  onDelete: (question: Checkpoint) => void;
}

/** The lesson's questions in time order; one inside a cut stays listed, flagged, until the cut is restored or it is moved. */
export function QuestionList({ questions, selectedId, onJump, onEdit, onDelete }: QuestionListProps) {
  if (questions.length === 0) {
    return (
      <EmptyState icon={<MessageCircleQuestionMark size={24} />} title="No questions yet">
        <p>Press Q or “Question” to ask one at the playhead. The learner’s video stops there until it is answered.</p>
      </EmptyState>
    );
  }
  return (
    <Virtualizer layout={ListLayout} layoutOptions={{ rowSize: 56 }}>
      <GridList
        className="anchor-list"
        aria-label="Questions"
        items={questions}
        selectionMode="single"
        selectedKeys={selectedId ? [selectedId] : []}
        onAction={(key) => {
          const question = questions.find((item) => item.id === key);
          if (question) onJump(question);
        }}
      >
        {(question) => {
          const { label, icon: Icon } = questionType(question.type);
          const name = questionName(question.prompt);
          return (
            <GridListItem
              id={question.id}
              textValue={name}
              className={question.removed ? 'anchor-item is-removed' : 'anchor-item'}
            >
              <span className="anchor-time">{formatTimecode(question.lessonMs)}</span>
              <span className="question-type-icon" title={label}>
                <Icon size={16} aria-label={label} />
              </span>
              <span className="anchor-text">
                <span className="anchor-title">{name}</span>
                <span className="anchor-note">
                  {question.removed
                    ? 'Cut out: learners will not see it'
                    : `${label} · ${question.required ? 'required' : 'optional'}`}
                </span>
              </span>
              <IconButton aria-label={`Edit question “${name}”`} onPress={() => onEdit(question)}>
                <Pencil size={15} aria-hidden="true" />
              </IconButton>
              <IconButton aria-label={`Delete question “${name}”`} onPress={() => onDelete(question)}>
                <Trash2 size={15} aria-hidden="true" />
              </IconButton>
            </GridListItem>
          );
        }}
      </GridList>
    </Virtualizer>
  );
}
