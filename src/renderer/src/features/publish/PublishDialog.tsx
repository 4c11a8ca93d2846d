import { describeError } from '../../lib/errors';
import { useState, type FocusEvent } from 'react';
import { nextVersion } from '@shared/publish/history';
import type { PublishSettings } from '@shared/publish/options';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { PublishForm } from './PublishForm';
import { PublishProgress } from './PublishProgress';
import { usePublish } from './usePublish';
import styles from './PublishDialog.module.css';

interface PublishDialogProps {
  lessonId: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** Choose a format and settings, watch the package being written, then find it. */
export function PublishDialog({ lessonId, isOpen, onOpenChange }: PublishDialogProps) {
  const { options, loadError, host, take, job, cutting, rendering, start, reset } = usePublish(lessonId, isOpen);
  const [last, setLast] = useState<PublishSettings | null>(null);
  const close = () => onOpenChange(false);
  // A running build keeps the dialog: closing it by accident would hide a job that is still writing.
  const running = job?.state === 'running' || cutting !== null || rendering !== null;
  // Settings come back as last used, except a version that has since been published: the next one is offered.
  const initial =
    last !== null && options !== null && nextVersion(last.version) === options.defaults.version
      ? { ...last, version: options.defaults.version }
      : last;
  return (
    <Dialog
      title="Publish the lesson"
      isOpen={isOpen}
      onOpenChange={(open) => (open || !running ? onOpenChange(open) : undefined)}
      size="wide"
    >
      <div className={styles.body} onFocus={keepAboveActions}>
        {loadError !== null ? (
          <>
            <Banner tone="error" role="alert" as="p">
              {describeError(loadError)}
            </Banner>
            <DialogActions>
              <Button onPress={close}>Close</Button>
            </DialogActions>
          </>
        ) : options === null ? (
          <p className="hint" role="status">
            Loading the lesson…
          </p>
        ) : job === null ? (
          <PublishForm
            lessonId={lessonId}
            options={options}
            take={take}
            initial={initial}
            onCancel={close}
            cutting={cutting}
            rendering={rendering}
            onStart={async ({ lessonId: _lesson, ...settings }, renderSizes) => {
              setLast(settings);
              await start({ lessonId, ...settings }, renderSizes);
            }}
          />
        ) : (
          <PublishProgress job={job} host={host} onClose={close} onBack={reset} />
        )}
      </div>
    </Dialog>
  );
}

/**
 * Keeps a control that Tab reaches in sight of the scrolling body: above the sticky actions (whose height changes with
 * the window's width and the form's hints, so it is measured, not assumed) and below the body's top edge. A visually
 * hidden input (a checkbox or radio) stands for its label, which is what the teacher sees.
 */
function keepAboveActions(event: FocusEvent<HTMLDivElement>): void {
  const body = event.currentTarget;
  if (!(event.target instanceof HTMLElement)) return;
  const actions = body.querySelector<HTMLElement>('[data-dialog-actions]');
  if (actions === null || actions.contains(event.target)) return;
  const control = (event.target.closest('label') ?? event.target).getBoundingClientRect();
  const [bar, view] = [actions.getBoundingClientRect(), body.getBoundingClientRect()];
  const margin = 8;
  if (control.bottom > bar.top - margin) body.scrollTop += control.bottom - bar.top + margin;
  else if (control.top < view.top + margin) body.scrollTop -= view.top - control.top + margin;
}
