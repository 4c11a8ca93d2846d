import { useState } from 'react';
import { Label } from 'react-aria-components';
import { Download } from 'lucide-react';
import type { RenderCaptionsInfo } from '@shared/contract/files';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Dialog, DialogActions, DialogLead } from '../ui/Dialog';
import { ProgressBar, ProgressHead, ProgressTrack } from '../ui/ProgressTrack';
import { useToast } from '../ui/Toast';
import { useCaptionedSave } from './useCaptionedSave';

interface SaveRenderDialogProps {
  renderId: string;
  /** What the teacher calls the render ("720p render"). */
  name: string;
  captions: RenderCaptionsInfo;
  onClose: () => void;
}

/**
 * Save as… for a render of a lesson with captions. Captions are on unless the teacher turns them off: a lesson that
 * has captions needs them wherever it is watched (learners who are deaf or hard of hearing, a noisy home, a second
 * language), and a teacher who wrote them expects the saved video to have them.
 */
export function SaveRenderDialog({ renderId, name, captions, onClose }: SaveRenderDialogProps) {
  const toast = useToast();
  const [withCaptions, setWithCaptions] = useState(captions.tracks.length > 0);
  const { state, save, cancel, reset } = useCaptionedSave(renderId, toast, onClose);
  const languages = captions.tracks.map((track) => track.label).join(', ');
  const close = () => {
    cancel();
    onClose();
  };
  return (
    <Dialog title={`Save the ${name}`} isOpen onOpenChange={(open) => !open && close()}>
      {state.kind === 'running' ? (
        <>
          <ProgressBar value={Math.round(state.fraction * 100)} aria-describedby="save-render-hint">
            {({ percentage }) => (
              <>
                <ProgressHead label={<Label>Adding the captions…</Label>} value={`${Math.round(percentage ?? 0)}%`} />
                <ProgressTrack percent={percentage ?? 0} />
              </>
            )}
          </ProgressBar>
          <p id="save-render-hint" className="hint">
            The video and sound are copied as they are. Nothing is kept until the file is complete: cancelling leaves no
            partial file.
          </p>
          <DialogActions>
            <Button variant="secondary" onPress={cancel}>
              Cancel
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogLead>Save a copy of this render as an MP4 file to share or keep.</DialogLead>
          {captions.tracks.length > 0 && (
            <Checkbox
              variant="card"
              isSelected={withCaptions}
              onChange={setWithCaptions}
              hint="Subtitles viewers can turn on in VLC, QuickTime and most other players, made from the captions as they are now."
            >
              Include captions ({languages})
            </Checkbox>
          )}
          {captions.unavailable !== null && (
            <Banner tone="info" as="p">
              {captions.unavailable}. Saved now, the file has no captions.
            </Banner>
          )}
          {state.kind === 'failed' && (
            <Banner tone="error" role="alert" as="p">
              Saving failed: {state.message}
            </Banner>
          )}
          {state.kind === 'cancelled' && (
            <p className="hint" role="status">
              Saving was cancelled. Nothing was written.
            </p>
          )}
          <DialogActions>
            <Button variant="secondary" onPress={close}>
              Cancel
            </Button>
            <Button
              variant="primary"
              autoFocus
              onPress={() => {
                reset();
                void save(withCaptions && captions.tracks.length > 0);
              }}
            >
              <Download size={14} aria-hidden="true" />
              Save as…
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
