import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay, Switch } from 'react-aria-components';
import { RotateCcw, X } from 'lucide-react';
import { Button } from '../../ui/Button';
import type { PreviewBuild } from './previewPackage';
import { forgetPreviewProgress, KEEP_PROGRESS_KEY, useMountedPlayer } from './useMountedPlayer';

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
    <ModalOverlay className="preview-overlay" isOpen={build !== null} onOpenChange={(open) => !open && onClose()}>
      <Modal className="preview-modal">
        <Dialog className="preview-dialog" aria-labelledby="learner-preview-title">
          <header className="preview-bar">
            <div className="preview-bar-title">
              <Heading slot="title" id="learner-preview-title" className="preview-title">
                Preview as learner
              </Heading>
              <span className="preview-lead">
                {keep
                  ? 'Progress is kept in this tab: reload to test resuming.'
                  : 'Each preview starts fresh; nothing is recorded.'}
              </span>
              {build?.ok && build.note && (
                <span className="preview-note" data-testid="preview-note">
                  {build.note}
                </span>
              )}
            </div>
            <Switch className="switch" isSelected={keep} onChange={changeKeep}>
              <span className="switch-track" aria-hidden="true">
                <span className="switch-thumb" />
              </span>
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
          </header>
          <div className="preview-body">
            {build?.ok ? (
              <PlayerHost build={build} keep={keep} generation={generation} />
            ) : (
              <p className="preview-error">{build?.message}</p>
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
  return <div ref={root} className="preview-player" data-testid="learner-player" />;
}
