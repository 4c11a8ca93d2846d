import { Slider } from 'react-aria-components';
import { ZoomIn } from 'lucide-react';
import { SliderRail } from '../../../ui/Slider';
import { ZOOM_STEPS } from './useTimelineView';
import styles from './ZoomSlider.module.css';

export function ZoomSlider({ zoom, onChange }: { zoom: number; onChange: (zoom: number) => void }) {
  return (
    <Slider
      className={styles.slider}
      value={zoom}
      minValue={0}
      maxValue={ZOOM_STEPS}
      onChange={onChange}
      aria-label="Timeline zoom"
    >
      <ZoomIn size={16} aria-hidden="true" />
      <SliderRail />
    </Slider>
  );
}
