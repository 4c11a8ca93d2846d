import { Slider, SliderThumb, SliderTrack } from 'react-aria-components';
import { ZoomIn } from 'lucide-react';
import { ZOOM_STEPS } from './useTimelineView';

export function ZoomSlider({ zoom, onChange }: { zoom: number; onChange: (zoom: number) => void }) {
  return (
    <Slider
      className="zoom-slider"
      value={zoom}
      minValue={0}
      maxValue={ZOOM_STEPS}
      onChange={onChange}
      aria-label="Timeline zoom"
    >
      <ZoomIn size={16} aria-hidden="true" className="zoom-icon" />
      <SliderTrack className="zoom-track">
        <SliderThumb className="zoom-thumb" />
      </SliderTrack>
    </Slider>
  );
}
