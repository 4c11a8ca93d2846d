import { CheckCircle2, X } from 'lucide-react';
import { formatSpeed, formatTimeLeft } from '@shared/render/progress';
import { Button, IconButton } from '../../ui/Button';
import { ProgressBar, ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';
import { RowMain } from '../../ui/RowText';
import { cx } from '../../lib/classNames';
import type { RenderOutcome } from './protocol';
import type { RenderJob } from './renderQueue';
import styles from './RenderJobRow.module.css';

interface RenderJobRowProps {
  job: RenderJob;
  onCancel: () => void;
  onDismiss: () => void;
}

/** One job in the queue: waiting, running with its progress, or how it ended. */
export function RenderJobRow({ job, onCancel, onDismiss }: RenderJobRowProps) {
  return (
    <li
      className={cx(
        styles.job,
        job.state === 'running' && styles.running,
        (job.state === 'done' || job.state === 'cancelled') && styles.ended,
      )}
      data-state={job.state}
      data-rendition={job.rendition}
      data-elapsed-ms={job.elapsedMs === null ? undefined : Math.round(job.elapsedMs)}
    >
      {job.state === 'running' ? (
        <ProgressBar
          value={job.progress?.percent ?? 0}
          aria-label={`Rendering ${job.label}`}
          isIndeterminate={job.progress === null}
        >
          {({ percentage }) => (
            <>
              <ProgressHead
                label={`Rendering ${job.label}`}
                valueTestId="render-progress"
                value={
                  job.progress
                    ? `${Math.floor(percentage ?? 0)}% · ${formatSpeed(job.progress.speed)} · ${formatTimeLeft(job.progress.etaMs)}`
                    : 'Starting…'
                }
              />
              <ProgressTrack percent={job.progress ? (percentage ?? 0) : null} />
            </>
          )}
        </ProgressBar>
      ) : (
        <RowMain>
          <span className={styles.label}>
            {job.state === 'done' && <CheckCircle2 size={16} aria-hidden="true" className={styles.check} />}
            {job.label}
          </span>
          <span
            className={cx(styles.status, job.state === 'failed' && styles.error)}
            role={job.state === 'failed' ? 'alert' : undefined}
          >
            {statusOf(job)}
          </span>
        </RowMain>
      )}
      {job.state === 'running' || job.state === 'queued' ? (
        <Button variant="secondary" onPress={onCancel} aria-label={`Cancel the ${job.label} render`}>
          Cancel
        </Button>
      ) : (
        <IconButton aria-label={`Dismiss the ${job.label} job`} onPress={onDismiss}>
          <X size={16} aria-hidden="true" />
        </IconButton>
      )}
    </li>
  );
}

function statusOf(job: RenderJob): string {
  switch (job.state) {
    case 'queued':
      return 'Waiting for the render before it';
    case 'cancelled':
      return 'Cancelled; nothing was saved';
    case 'failed':
      return `Failed: ${job.error ?? 'unknown error'}. The lesson is unchanged.`;
    case 'done': {
      const seconds = Math.max(1, Math.round((job.elapsedMs ?? 0) / 1000));
      const how = howMade(job.outcome);
      return `Done in ${seconds} s${how ? ` (${how})` : ''}`;
    }
    default:
      return '';
  }
}

function howMade(outcome: RenderOutcome | null): string {
  const sound = outcome?.sound === 'encoded' ? ', sound re-encoded' : '';
  switch (outcome?.method) {
    case 'copy':
      return sound ? `video copied${sound}` : 'copied without re-encoding';
    case 'smart':
      return `copied, ${outcome.reencodedFrames} ${outcome.reencodedFrames === 1 ? 'frame' : 'frames'} re-encoded at cuts${sound}`;
    case 'audio':
      return 'sound only';
    case 'encode':
      // A full render in software is the usual case and needs no words; the graphics hardware's is worth a mention.
      return outcome.encoder?.kind === 'hardware' ? 'encoded by the graphics hardware' : '';
    default:
      return '';
  }
}
