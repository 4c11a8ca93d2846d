import { CheckCircle2, Pencil, PlayCircle, Trash2 } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { Button } from '../../ui/Button';
import { ActionMenu } from '../../ui/Menu';
import { RelativeTime } from '../../ui/RelativeTime';
import { RowBadge, RowMain, RowMeta, RowTitle } from '../../ui/RowText';
import { cx } from '../../lib/classNames';
import { takeFacts } from './takeFacts';
import styles from './TakeList.module.css';

interface TakeListProps {
  takes: Take[];
  onSetActive: (take: Take) => void;
  onRename: (take: Take) => void;
  onTrash: (take: Take) => void;
}

/** Every recording of the lesson, newest last; the one it uses is the one learners get. */
export function TakeList({ takes, onSetActive, onRename, onTrash }: TakeListProps) {
  return (
    <ul className={styles.list} aria-label="Recordings">
      {takes.map((take) => (
        <li
          key={take.id}
          className={cx(styles.row, take.active && styles.active)}
          data-take-id={take.id}
          aria-current={take.active ? 'true' : undefined}
        >
          <RowMain>
            <RowTitle>{take.title}</RowTitle>
            <RowMeta>
              {takeFacts(take).map((fact) => (
                <span key={fact}>{fact}</span>
              ))}
              <RelativeTime prefix={take.origin === 'imported' ? 'added' : 'recorded'} timestamp={take.createdAt} />
            </RowMeta>
          </RowMain>
          {take.active ? (
            <RowBadge>
              <CheckCircle2 size={14} aria-hidden="true" />
              Used in the lesson
            </RowBadge>
          ) : (
            <Button variant="ghost" onPress={() => onSetActive(take)} aria-label={`Use this recording: ${take.title}`}>
              <PlayCircle size={16} aria-hidden="true" />
              Use this recording
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
