import { Label } from 'react-aria-components';
import { FolderOpen, Download } from 'lucide-react';
import type { PublishJob } from '@shared/contract/publish';
import { cx } from '../../lib/classNames';
import { describeError } from '../../lib/errors';
import { formatBytes } from '@shared/format/bytes';
import { mediaUrl, studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button, LinkButton } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';
import { ProgressBar, ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';
import { useToast } from '../../ui/Toast';
import { ClassServerDone } from './ClassServerDone';
import { PublishDone } from './PublishDone';
import styles from './PublishProgress.module.css';

const STAGES: Record<PublishJob['stage'], string> = {
  preparing: 'Preparing the lesson…',
  writing: 'Writing the package…',
  checking: 'Checking the package against the SCORM schemas…',
  uploading: 'Uploading to the class server…',
  done: 'Done',
};

interface PublishProgressProps {
  job: PublishJob;
  host: 'electron' | 'browser' | 'cli' | null;
  onClose: () => void;
  onBack: () => void;
}

export function PublishProgress({ job, host, onClose, onBack }: PublishProgressProps) {
  const toast = useToast();
  if (job.state === 'running') {
    return (
      <>
        <ProgressBar value={Math.round(job.fraction * 100)} aria-describedby="publish-stage">
          {({ percentage }) => (
            <>
              <ProgressHead label={<Label>{STAGES[job.stage]}</Label>} value={`${Math.round(percentage ?? 0)}%`} />
              <ProgressTrack percent={percentage ?? 0} />
            </>
          )}
        </ProgressBar>
        <p id="publish-stage" className="hint">
          Nothing is kept until the package is complete: cancelling leaves no partial file.
        </p>
        <DialogActions>
          <Button
            variant="secondary"
            onPress={() =>
              void studio.publish.cancel({ jobId: job.jobId }).catch((error: unknown) => toast.error(error))
            }
          >
            Cancel
          </Button>
        </DialogActions>
      </>
    );
  }
  if (job.state !== 'done' || job.output === null) {
    return (
      <>
        {job.state === 'failed' ? (
          <Banner tone="error" role="alert" as="p">
            Publishing failed: {job.error ?? 'no reason given'}
          </Banner>
        ) : (
          <p className="hint" role="status">
            Publishing was cancelled. Nothing was written.
          </p>
        )}
        <DialogActions>
          <Button variant="secondary" onPress={onClose}>
            Close
          </Button>
          <Button variant="primary" onPress={onBack}>
            Back to the settings
          </Button>
        </DialogActions>
      </>
    );
  }
  const { output } = job;
  if (output.kind === 'classServer') return <ClassServerDone job={job} onClose={onClose} />;
  const reveal = () =>
    studio.publish
      .reveal({ jobId: job.jobId })
      .then(({ shown }) => shown || toast.show({ message: 'This window cannot open folders; use the download link.' }))
      .catch((error: unknown) => toast.show({ message: describeError(error) }));
  return (
    <>
      <PublishDone title={output.kind === 'zip' ? 'The package is ready' : 'The web folder is ready'}>
        <p>
          <span className={styles.fileName}>{output.name}</span> · {formatBytes(output.sizeBytes)}
        </p>
        {output.kind === 'zip' && (
          <p className="hint">Upload this zip to your LMS as a SCORM package. It passed its own schema check.</p>
        )}
        {output.kind === 'folder' && (
          <p className="hint">Copy the whole folder to any web host, or open its index.html from disk.</p>
        )}
      </PublishDone>
      <DialogActions>
        <Button variant="secondary" onPress={onClose}>
          Close
        </Button>
        {host === 'electron' ? (
          <Button variant="primary" onPress={() => void reveal()}>
            <FolderOpen size={14} aria-hidden="true" />
            Show in folder
          </Button>
        ) : output.kind === 'zip' ? (
          <LinkButton variant="primary" href={mediaUrl(output.path)} download={output.name}>
            <Download size={14} aria-hidden="true" />
            Download {output.name}
          </LinkButton>
        ) : (
          <p className={cx('hint', styles.where)}>Saved in your library folder under media/{output.path}</p>
        )}
      </DialogActions>
    </>
  );
}
