import { CheckCircle2, Pencil, PlayCircle, Trash2 } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { Button } from '../../ui/Button';
import { ActionMenu } from '../../ui/Menu';
import { RelativeTime } from '../../ui/RelativeTime';
import { takeFacts } from './takeFacts';

interface TakeListProps {
  takes: Take[];
  onSetActive: (take: Take) => void;
  onRename: (take: Take) => void;
  onTrash: (take: Take) => void;
}

/** Every take of the lesson, newest last; the active one is the one learners get. */
export function TakeList({ takes, onSetActive, onRename, onTrash }: TakeListProps) {
  return (
    <ul className="take-list" aria-label="Takes">
      {takes.map((take) => (
        <li
          key={take.id}
          className={take.active ? 'take-row take-row-active' : 'take-row'}
          data-take-id={take.id}
          aria-current={take.active ? 'true' : undefined}
        >
          <div className="take-main">
            <bdi className="take-title">{take.title}</bdi>
            <span className="take-meta">
              {takeFacts(take).map((fact) => (
                <span key={fact}>{fact}</span>
              ))}
              <RelativeTime prefix={take.origin === 'imported' ? 'added' : 'recorded'} timestamp={take.createdAt} />
            </span>
          </div>
          {take.active ? (
            <span className="active-badge">
              <CheckCircle2 size={14} aria-hidden="true" />
              Active take
            </span>
          ) : (
            <Button
              variant="ghost"
              onPress={() => onSetActive(take)}
              aria-label={`Use “${take.title}” as the lesson’s take`}
            >
              <PlayCircle size={16} aria-hidden="true" />
              Use this take
            </Button>
          )}
          <ActionMenu
            label={`Actions for ${take.title}`}
            actions={[
              { id: 'rename', label: 'Rename…', icon: <Pencil size={16} /> },
              {
                id: 'trash',
                label: 'Move to trash',
                icon: <Trash2 size={16} />,
                isDanger: true,
                separatorBefore: true,
              },
            ]}
            onAction={(id) => (id === 'rename' ? onRename(take) : onTrash(take))}
          />
        </li>
      ))}
    </ul>
  );
}
