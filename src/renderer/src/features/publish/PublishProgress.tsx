import { Label } from 'react-aria-components';
import { FolderOpen, Download } from 'lucide-react';
import type { PublishJob } from '@shared/contract/publish';
import type { PublishFormat } from '@shared/publish/options';
import { saveFileAs, showInFolder } from '../../lib/fileActions';
import { formatBytes } from '@shared/format/bytes';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';
import { ProgressBar, ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';
import { useToast } from '../../ui/Toast';
import { ClassServerDone } from './ClassServerDone';
import { PublishDone } from './PublishDone';
import styles from './PublishProgress.module.css';

const STAGES: Record<PublishJob['stage'], string> = {
  preparing: 'Preparing the lesson…',
  writing: 'Writing the package…',
  checking: 'Checking the package against its schemas…',
  uploading: 'Uploading to the class server…',
  done: 'Done',
};

/** What the teacher does next with a package file, in their LMS's words. */
const WHERE_IT_GOES: Partial<Record<PublishFormat, string>> = {
  scorm12: 'Upload this zip to your LMS as a SCORM package. It passed its own schema check.',
  scorm2004: 'Upload this zip to your LMS as a SCORM package. It passed its own schema check.',
  cmi5: 'Upload this zip to your LMS as a cmi5 course (an xAPI or cmi5 activity). It passed its own check.',
  cc: 'Import this file into your LMS course as a Common Cartridge (Canvas: Import course content; Moodle: Restore). It passed IMS’s schema check.',
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
  const file = { kind: 'export', path: output.path } as const;
  const whereItGoes = WHERE_IT_GOES[output.format];
  return (
    <>
      <PublishDone title={output.kind === 'zip' ? 'The package is ready' : 'The web folder is ready'}>
        <p>
          <span className={styles.fileName}>{output.name}</span> · {formatBytes(output.sizeBytes)}
        </p>
        {whereItGoes !== undefined && <p className="hint">{whereItGoes}</p>}
        {output.kind === 'folder' && (
          <p className="hint">
            Copy the whole folder to any web host, or open its index.html from disk.
            {host === 'electron' ? '' : ' It downloads as a zip: unzip it first.'}
          </p>
        )}
        <p className="hint">It is kept with the lesson, under Published, until you delete it.</p>
      </PublishDone>
      <DialogActions>
        <Button variant="secondary" onPress={onClose}>
          Close
        </Button>
        {host === 'electron' && (
          <Button variant="secondary" onPress={() => void showInFolder(file, toast)}>
            <FolderOpen size={14} aria-hidden="true" />
            Show in folder
          </Button>
        )}
        {/* Focus goes to what the teacher does next with the finished package: taking it out of the app. */}
        <Button variant="primary" onPress={() => void saveFileAs(file, toast)} autoFocus>
          <Download size={14} aria-hidden="true" />
          Save as…
        </Button>
      </DialogActions>
    </>
  );
}
