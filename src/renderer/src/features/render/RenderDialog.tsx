import { useEffect, useState } from 'react';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { defaultRenditions, sourceHeightOf } from '@shared/render/renditions';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions, DialogForm, DialogLead } from '../../ui/Dialog';
import { RenditionChoice } from './RenditionChoice';

interface RenderDialogProps {
  take: Take;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onRender: (renditions: Rendition[]) => void;
}

/** Which sizes to render; each becomes a job in the queue. */
export function RenderDialog({ take, isOpen, onOpenChange, onRender }: RenderDialogProps) {
  const sourceHeight = sourceHeightOf(take);
  const [renditions, setRenditions] = useState<Rendition[]>(() => defaultRenditions(sourceHeight));
  useEffect(() => {
    if (isOpen) setRenditions(defaultRenditions(sourceHeight));
  }, [isOpen, sourceHeight]);

  return (
    <Dialog title="Render the lesson" isOpen={isOpen} onOpenChange={onOpenChange}>
      <DialogLead>
        Makes MP4 files of the lesson as it is edited now. You can keep editing while they render.
      </DialogLead>
      <DialogForm
        onSubmit={(event) => {
          event.preventDefault();
          onRender(renditions);
          onOpenChange(false);
        }}
      >
        <RenditionChoice take={take} label="Sizes" value={renditions} onChange={setRenditions} />
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
