import { SliderThumb, SliderTrack } from 'react-aria-components';
import styles from './Slider.module.css';

/** A slider's rail and its one thumb; put it inside a React Aria Slider with its label and output. */
export function SliderRail() {
  return (
    <SliderTrack className={styles.track}>
      <SliderThumb className={styles.thumb} />
    </SliderTrack>
  );
}
