import { Label, Radio, RadioGroup, Slider, SliderOutput, SliderThumb, SliderTrack } from 'react-aria-components';
import type { CameraLayout } from '../../../../../shared/editor/document';
import * as commands from '../../../../../shared/editor/commands';
import type { Editor } from '../useEditor';

const CORNERS = [
  ['top-left', 'Top left'],
  ['top-right', 'Top right'],
  ['bottom-left', 'Bottom left'],
  ['bottom-right', 'Bottom right'],
] as const;

/** Where the camera bubble sits, how big and what shape: changed any time, the recording is untouched. */
export function BubbleControls({ layout, editor }: { layout: CameraLayout; editor: Editor }) {
  const corner = layout.placement.kind === 'corner' ? layout.placement.corner : '';
  return (
    <div className="bubble-controls">
      <RadioGroup className="radio-row" value={corner} onChange={(value) => editor.run(commands.setCameraLayout, { placement: { kind: 'corner', corner: value as (typeof CORNERS)[number][0] } })}>
        <Label className="field-label">Corner</Label>
        <div className="corner-grid">
          {CORNERS.map(([value, label]) => (
            <Radio key={value} value={value} className="radio-chip">
              {label}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <Slider className="size-slider" minValue={0.08} maxValue={0.6} step={0.01} value={layout.size} onChange={(size) => editor.run(commands.setCameraLayout, { size })}>
        <div className="size-slider-head">
          <Label className="field-label">Size</Label>
          <SliderOutput className="muted">{({ state }) => `${Math.round(state.getThumbValue(0) * 100)}% of the width`}</SliderOutput>
        </div>
        <SliderTrack className="zoom-track">
          <SliderThumb className="zoom-thumb" />
        </SliderTrack>
      </Slider>
      <RadioGroup className="radio-row" value={layout.shape} onChange={(shape) => editor.run(commands.setCameraLayout, { shape: shape as CameraLayout['shape'] })}>
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
    </div>
  );
}
