import { Label, Radio, RadioGroup, Slider, SliderOutput, SliderThumb, SliderTrack } from 'react-aria-components';
import type { CameraLayout } from '@shared/editor/document';
import type { ReadonlyEditList } from '@shared/timeline';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../useEditor';
import { HiddenCameraRanges } from './HiddenCameraRanges';

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
    <div className="bubble-controls">
      <RadioGroup
        className="radio-row"
        value={corner}
        onChange={(value) =>
          editor.run(commands.setCameraLayout, {
            placement: { kind: 'corner', corner: value as (typeof CORNERS)[number][0] },
          })
        }
      >
        <Label className="field-label">Corner</Label>
        {layout.placement.kind === 'free' && (
          <span className="muted bubble-free-note">Placed by hand; drag it in the preview or pick a corner.</span>
        )}
        <div className="corner-grid">
          {CORNERS.map(([value, label]) => (
            <Radio key={value} value={value} className="radio-chip">
              {label}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <Slider
        className="size-slider"
        minValue={0.08}
        maxValue={0.6}
        step={0.01}
        value={layout.size}
        onChange={(size) => editor.run(commands.setCameraLayout, { size })}
      >
        <div className="size-slider-head">
          <Label className="field-label">Size</Label>
          <SliderOutput className="muted">
            {({ state }) => `${Math.round(state.getThumbValue(0) * 100)}% of the width`}
          </SliderOutput>
        </div>
        <SliderTrack className="zoom-track">
          <SliderThumb className="zoom-thumb" />
        </SliderTrack>
      </Slider>
      <RadioGroup
        className="radio-row"
        value={layout.shape}
        onChange={(shape) => editor.run(commands.setCameraLayout, { shape: shape as CameraLayout['shape'] })}
      >
        <Label className="field-label">Shape</Label>
        <div className="radio-options">
          <Radio value="circle" className="radio-chip">
            Circle
          </Radio>
          <Radio value="rounded" className="radio-chip">
            Rounded
          </Radio>
        </div>
      </RadioGroup>
      <HiddenCameraRanges layout={layout} editList={editList} editor={editor} selected={selected} onHide={onHide} />
    </div>
  );
}
