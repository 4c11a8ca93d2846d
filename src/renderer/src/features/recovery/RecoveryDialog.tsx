import { useEffect, useRef } from 'react';
import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import type { InterruptedTake } from '@shared/media/takes';
import { formatClock } from '@shared/format/clock';
import { formatAbsolute } from '@shared/format/dates';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useInterruptedRecordings, type RecoveryItem } from './useInterruptedRecordings';
import { quoted } from '../../ui/Quoted';

/** Mounted once in the shell: offers every recording a crash interrupted, to recover or discard. */
export function RecoveryDialog({ onOpenLesson }: { onOpenLesson: (lessonId: string) => void }) {
  const recovery = useInterruptedRecordings();
  const isOpen = recovery.items.length > 0;
  return (
    <Dialog
      title="A recording was interrupted"
      isOpen={isOpen}
      onOpenChange={(open) => !open && recovery.close()}
      size="wide"
    >
      <p className="dialog-lead">
        The studio closed while recording. Everything that reached the disk, up to about the last second, can be
        recovered as a take.
      </p>
      <ul className="recovery-list" aria-label="Interrupted recordings">
        {recovery.items.map((item) => (
          <RecoveryRow
            key={item.take.id}
            item={item}
            onRecover={() => void recovery.recover(item.take)}
            onAskDiscard={(asking) => recovery.askDiscard(item.take, asking)}
            onDiscard={() => void recovery.discard(item.take)}
            onOpen={() => {
              recovery.close();
              onOpenLesson(item.take.lessonId);
            }}
          />
        ))}
      </ul>
      <DialogActions>
        <Button onPress={recovery.close}>
          {recovery.items.every((item) => item.status === 'recovered') ? 'Done' : 'Decide later'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface RecoveryRowProps {
  item: RecoveryItem;
  onRecover: () => void;
  onAskDiscard: (asking: boolean) => void;
  onDiscard: () => void;
  onOpen: () => void;
}

function describeTake(take: InterruptedTake): string {
  return `Started ${formatAbsolute(take.startedAt)} · about ${formatClock(take.recordedMs)} recorded`;
}

function RecoveryRow({ item, onRecover, onAskDiscard, onDiscard, onOpen }: RecoveryRowProps) {
  const { take } = item;
  const name = `${take.projectTitle} › ${take.lessonTitle}`;
  const confirmRef = useRef<HTMLDivElement>(null);
  // Moving focus to the question keeps keyboard users where the decision is.
  useEffect(() => {
    if (item.status === 'confirm-discard') confirmRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [item.status]);

  return (
    <li className="recovery-row" aria-label={name}>
      <div className="recovery-main">
        <span className="take-title">{name}</span>
        <span className="take-meta">
          {item.status === 'recovered'
            ? quoted('Recovered as ', item.recovered.title, ` (${formatClock(item.recovered.durationMs)})`)
            : describeTake(take)}
        </span>
        {item.error && <span className="field-error">{item.error}</span>}
      </div>
      {item.status === 'recovered' ? (
        <div className="recovery-actions">
          <span className="active-badge">
            <CheckCircle2 size={14} aria-hidden="true" />
            Recovered
          </span>
          <Button variant="primary" onPress={onOpen} autoFocus>
            Open lesson
          </Button>
        </div>
      ) : item.status === 'confirm-discard' || item.status === 'discarding' ? (
        <div
          className="recovery-actions recovery-confirm"
          ref={confirmRef}
          role="group"
          aria-label="Discard this recording for good?"
        >
          <AlertTriangle size={16} aria-hidden="true" className="danger-icon" />
          <span>Discard for good?</span>
          <Button onPress={() => onAskDiscard(false)} isDisabled={item.status === 'discarding'}>
            Keep
          </Button>
          <Button variant="danger" onPress={onDiscard} isPending={item.status === 'discarding'}>
            Discard
          </Button>
        </div>
      ) : (
        <div className="recovery-actions">
          <Button variant="danger-ghost" onPress={() => onAskDiscard(true)} isDisabled={item.status === 'recovering'}>
            Discard…
          </Button>
          <Button variant="primary" onPress={onRecover} isPending={item.status === 'recovering'}>
            Recover
          </Button>
        </div>
      )}
    </li>
  );
}
