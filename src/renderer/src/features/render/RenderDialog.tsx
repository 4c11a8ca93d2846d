import { useEffect, useState } from 'react';
import { CheckboxGroup, Label, Text } from 'react-aria-components';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { ALL_RENDITIONS, defaultRenditions, renditionLabel } from '@shared/render/renditions';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog, DialogActions, DialogForm, DialogLead } from '../../ui/Dialog';
import field from '../../ui/Field.module.css';
import styles from './RenderDialog.module.css';

interface RenderDialogProps {
  take: Take;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onRender: (renditions: Rendition[]) => void;
}

/** Which sizes to render; each becomes a job in the queue. */
export function RenderDialog({ take, isOpen, onOpenChange, onRender }: RenderDialogProps) {
  const sourceHeight = videoHeightOf(take);
  const [chosen, setChosen] = useState<string[]>(() => defaultRenditions(sourceHeight).map(String));
  useEffect(() => {
    if (isOpen) setChosen(defaultRenditions(sourceHeight).map(String));
  }, [isOpen, sourceHeight]);
  const renditions = ALL_RENDITIONS.filter((rendition) => chosen.includes(String(rendition)));

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
        <CheckboxGroup
          className={styles.choices}
          value={chosen}
          onChange={setChosen}
          aria-describedby="render-choices-hint"
        >
          <Label className={field.label}>Sizes</Label>
          {ALL_RENDITIONS.map((rendition) => {
            const unavailable =
              rendition !== 0 ? sourceHeight === null : !take.files.some((file) => file.audioCodec !== null);
            return (
              <Checkbox
                key={rendition}
                value={String(rendition)}
                variant="card"
                hint={hintOf(rendition, sourceHeight)}
                isDisabled={unavailable}
              >
                {renditionLabel(rendition)}
              </Checkbox>
            );
          })}
          <Text slot="description" id="render-choices-hint" className={field.description}>
            Smaller sizes suit learners on slow connections; audio only is for listening on the go.
          </Text>
        </CheckboxGroup>
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

function videoHeightOf(take: Take): number | null {
  const video =
    take.files.find((file) => file.role === 'screen' && file.height !== null) ??
    take.files.find((file) => file.height !== null);
  return video?.height ?? null;
}

function hintOf(rendition: Rendition, sourceHeight: number | null): string {
  if (rendition === 0) return 'Sound only (M4A)';
  if (sourceHeight === null) return 'This recording has no video';
  if (rendition > sourceHeight) return `Recorded at ${sourceHeight}p, so it stays that size`;
  return rendition === 1080
    ? 'Full HD'
    : rendition === 720
      ? 'HD'
      : rendition === 480
        ? 'For slower connections'
        : 'Smallest file';
}
