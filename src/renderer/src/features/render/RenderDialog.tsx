import { useEffect, useState } from 'react';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { defaultRenditions, sourceHeightOf } from '@shared/render/renditions';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions, DialogForm, DialogLead } from '../../ui/Dialog';
import type { RenderOptions } from '@shared/render/renderPlan';
import { RenditionChoice } from './RenditionChoice';
import { BurnCaptionsChoice } from './BurnCaptionsChoice';

interface RenderDialogProps {
  take: Take;
  /** The lesson's captions, one per language, that can be burned into the picture. */
  captionTracks: readonly { language: string; label: string }[];
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onRender: (renditions: Rendition[], options: RenderOptions) => void;
}

/** Which sizes to render, and whether to burn captions in; each size becomes a job in the queue. */
export function RenderDialog({ take, captionTracks, isOpen, onOpenChange, onRender }: RenderDialogProps) {
  const sourceHeight = sourceHeightOf(take);
  const [renditions, setRenditions] = useState<Rendition[]>(() => defaultRenditions(sourceHeight));
  const [burnCaptions, setBurnCaptions] = useState<string | null>(null);
  useEffect(() => {
    if (!isOpen) return;
    setRenditions(defaultRenditions(sourceHeight));
    setBurnCaptions(null);
  }, [isOpen, sourceHeight]);

  return (
    <Dialog title="Render the lesson" isOpen={isOpen} onOpenChange={onOpenChange}>
      <DialogLead>
        Makes MP4 files of the lesson as it is edited now. You can keep editing while they render.
      </DialogLead>
      <DialogForm
        onSubmit={(event) => {
          event.preventDefault();
          onRender(renditions, { burnCaptions });
          onOpenChange(false);
        }}
      >
        <RenditionChoice take={take} label="Sizes" value={renditions} onChange={setRenditions} />
        <BurnCaptionsChoice tracks={captionTracks} value={burnCaptions} onChange={setBurnCaptions} />
        <DialogActions>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isDisabled={renditions.length === 0}>
            {renditions.length > 1 ? `Render ${renditions.length} files` : 'Render'}
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
