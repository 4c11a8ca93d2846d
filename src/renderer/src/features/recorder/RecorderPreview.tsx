import { Monitor, VideoOff } from 'lucide-react';
import { Button } from '../../ui/Button';
import { usesCamera, usesScreen, type RecordingMode } from './mediaDevices';
import { StreamVideo } from './StreamVideo';
import styles from './RecorderPreview.module.css';

interface RecorderPreviewProps {
  mode: RecordingMode;
  screen: MediaStream | null;
  camera: MediaStream | null;
  countdown: number | null;
  onChooseScreen: () => void;
  canChoose: boolean;
}

/** What will be recorded: the screen with the camera bubble in its corner, or the camera alone. */
export function RecorderPreview({ mode, screen, camera, countdown, onChooseScreen, canChoose }: RecorderPreviewProps) {
  const showScreen = usesScreen(mode);
  const showCamera = usesCamera(mode);
  return (
    <section className={styles.preview} aria-label="Preview">
      {showScreen ? (
        screen ? (
          <StreamVideo stream={screen} className={styles.screen} label="Screen preview" />
        ) : (
          <div className={styles.empty}>
            <Monitor size={40} aria-hidden="true" />
            <p>Choose the screen or window to record.</p>
            <Button variant="secondary" onPress={onChooseScreen} isDisabled={!canChoose}>
              Choose screen…
            </Button>
          </div>
        )
      ) : camera ? (
        <StreamVideo stream={camera} className={styles.screen} label="Camera preview" />
      ) : (
        <div className={styles.empty}>
          <VideoOff size={40} aria-hidden="true" />
          <p>The camera is starting, or none is available.</p>
        </div>
      )}
      {showScreen && showCamera && camera && (
        <StreamVideo stream={camera} className={styles.bubble} label="Camera preview" />
      )}
      {countdown !== null && (
        <div className={styles.countdown} aria-hidden="true">
          <span key={countdown} className={styles.number}>
            {countdown}
          </span>
        </div>
      )}
    </section>
  );
}
