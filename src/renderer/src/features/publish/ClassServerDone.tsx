import { Copy, Users } from 'lucide-react';
import type { PublishJob } from '@shared/contract/publish';
import { Button, LinkButton } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';
import { useToast } from '../../ui/Toast';
import { PublishDone } from './PublishDone';
import styles from './ClassServer.module.css';

interface ClassServerDoneProps {
  job: PublishJob;
  onClose: () => void;
}

/** The lesson is on the class server: its link to hand out, and the way to the results. */
export function ClassServerDone({ job, onClose }: ClassServerDoneProps) {
  const toast = useToast();
  const url = job.output?.lessonUrl ?? '';
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => toast.show({ message: 'Link copied' }),
      () => toast.show({ message: 'Copying is not allowed here; select the link and copy it.' }),
    );
  return (
    <>
      <PublishDone
        title={`On the class server${job.output?.version !== undefined ? ` (version ${job.output.version})` : ''}`}
      >
        <p className={styles.link}>
          <span className={styles.url} data-testid="lesson-url">
            {url}
          </span>
          <Button variant="ghost" aria-label="Copy the lesson’s link" onPress={() => void copy()}>
            <Copy size={14} aria-hidden="true" />
            Copy
          </Button>
        </p>
        <p className="hint">
          Give learners this link and a class code (make classes in Class results). Learners in the middle of an earlier
          version finish it; everyone else gets this one.
        </p>
      </PublishDone>
      <DialogActions>
        <Button variant="secondary" onPress={onClose}>
          Close
        </Button>
        <LinkButton variant="primary" href={`#/lesson/${encodeURIComponent(job.lessonId)}/results`} onPress={onClose}>
          <Users size={14} aria-hidden="true" />
          Class results
        </LinkButton>
      </DialogActions>
    </>
  );
}
