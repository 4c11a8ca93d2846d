import { Label, Slider, SliderOutput } from 'react-aria-components';
import type { CameraLayout } from '@shared/editor/document';
import type { ReadonlyEditList } from '@shared/timeline';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../useEditor';
import field from '../../../ui/Field.module.css';
import { Radio, RadioGroup } from '../../../ui/Radio';
import { SliderRail } from '../../../ui/Slider';
import { HiddenCameraRanges } from './HiddenCameraRanges';
import styles from './BubbleControls.module.css';

const CORNERS = [
  ['top-left', 'Top left'],
  ['top-right', 'Top right'],
  ['bottom-left', 'Bottom left'],
  ['bottom-right', 'Bottom right'],
] as const;

interface BubbleControlsProps {
  layout: CameraLayout;
  editList: ReadonlyEditList;
  editor: Editor;
  selected: { start: number; end: number } | null;
  onHide: () => void;
}

/** Where the camera bubble sits, how big and what shape, and where it is hidden: changed any time, the recording is untouched. */
export function BubbleControls({ layout, editList, editor, selected, onHide }: BubbleControlsProps) {
  const corner = layout.placement.kind === 'corner' ? layout.placement.corner : '';
  return (
    <div className={styles.controls}>
      <RadioGroup
        label="Corner"
        layout="grid"
        note={
          layout.placement.kind === 'free' && (
            <span className={styles.freeNote}>Placed by hand; drag it in the preview or pick a corner.</span>
          )
        }
        value={corner}
        onChange={(value) =>
          editor.run(commands.setCameraLayout, {
            placement: { kind: 'corner', corner: value as (typeof CORNERS)[number][0] },
          })
        }
      >
        {CORNERS.map(([value, label]) => (
          <Radio key={value} value={value}>
            {label}
          </Radio>
        ))}
      </RadioGroup>
      <Slider
        className={styles.size}
        minValue={0.08}
        maxValue={0.6}
        step={0.01}
        value={layout.size}
        onChange={(size) => editor.run(commands.setCameraLayout, { size })}
      >
        <div className={styles.sizeHead}>
          <Label className={field.label}>Size</Label>
          <SliderOutput className="muted">
            {({ state }) => `${Math.round(state.getThumbValue(0) * 100)}% of the width`}
          </SliderOutput>
        </div>
        <SliderRail />
      </Slider>
      <RadioGroup
        label="Shape"
        value={layout.shape}
        onChange={(shape) => editor.run(commands.setCameraLayout, { shape: shape as CameraLayout['shape'] })}
      >
        <Radio value="circle">Circle</Radio>
        <Radio value="rounded">Rounded</Radio>
      </RadioGroup>
      <HiddenCameraRanges layout={layout} editList={editList} editor={editor} selected={selected} onHide={onHide} />
    </div>
  );
}
