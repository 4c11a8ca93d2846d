import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { RotateCcw, X } from 'lucide-react';
import { Button } from '../../ui/Button';
import { Switch } from '../../ui/Switch';
import type { PreviewBuild } from './previewPackage';
import { forgetPreviewProgress, KEEP_PROGRESS_KEY, useMountedPlayer } from './useMountedPlayer';
import styles from './LearnerPreview.module.css';

interface LearnerPreviewProps {
  /** Built when the preview opens; null while it is closed. */
  build: PreviewBuild | null;
  onClose: () => void;
}

const readKeep = () => window.sessionStorage.getItem(KEEP_PROGRESS_KEY) === '1';

/** The lesson exactly as learners get it (the real player, this lesson's rules), over the whole window. */
export function LearnerPreview({ build, onClose }: LearnerPreviewProps) {
  const [keep, setKeep] = useState(readKeep);
  const [generation, setGeneration] = useState(0);
  const changeKeep = (on: boolean) => {
    window.sessionStorage.setItem(KEEP_PROGRESS_KEY, on ? '1' : '0');
    setKeep(on);
  };
  return (
    <ModalOverlay className={styles.overlay} isOpen={build !== null} onOpenChange={(open) => !open && onClose()}>
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog} aria-labelledby="learner-preview-title">
          <div className={styles.bar}>
            <div className={styles.barTitle}>
              <Heading slot="title" id="learner-preview-title" className={styles.title}>
                Preview as learner
              </Heading>
              <span className={styles.lead}>
                {keep
                  ? 'Progress is kept in this tab: reload to test resuming.'
                  : 'Each preview starts fresh; nothing is recorded.'}
              </span>
              {build?.ok && build.note && (
                <span className={styles.note} data-testid="preview-note">
                  {build.note}
                </span>
              )}
            </div>
            <Switch isSelected={keep} onChange={changeKeep}>
              Keep progress
            </Switch>
            {keep && build?.ok && (
              <Button
                variant="ghost"
                onPress={() => {
                  forgetPreviewProgress(build.lesson.id);
                  setGeneration((n) => n + 1);
                }}
              >
                <RotateCcw size={16} aria-hidden="true" />
                Start over
              </Button>
            )}
            <Button variant="secondary" onPress={onClose}>
              <X size={16} aria-hidden="true" />
              Close preview
            </Button>
          </div>
          <div className={styles.body}>
            {build?.ok ? (
              <PlayerHost build={build} keep={keep} generation={generation} />
            ) : (
              <p className={styles.error}>{build?.message}</p>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function PlayerHost({
  build,
  keep,
  generation,
}: {
  build: Extract<PreviewBuild, { ok: true }>;
  keep: boolean;
  generation: number;
}) {
  const root = useMountedPlayer(build.lesson, keep, generation);
  return <div ref={root} data-testid="learner-player" />;
}
