import { Monitor, VideoOff } from 'lucide-react';
import { Button } from '../../ui/Button';
import { usesCamera, usesScreen, type RecordingMode } from './mediaDevices';
import { StreamVideo } from './StreamVideo';

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
    <section className="recorder-preview" aria-label="Preview">
      {showScreen ? (
        screen ? (
          <StreamVideo stream={screen} className="preview-screen" label="Screen preview" />
        ) : (
          <div className="preview-empty">
            <Monitor size={40} aria-hidden="true" />
            <p>Choose the screen or window to record.</p>
            <Button variant="secondary" onPress={onChooseScreen} isDisabled={!canChoose}>
              Choose screen…
            </Button>
          </div>
        )
      ) : camera ? (
        <StreamVideo stream={camera} className="preview-screen preview-camera-only" label="Camera preview" />
      ) : (
        <div className="preview-empty">
          <VideoOff size={40} aria-hidden="true" />
          <p>The camera is starting, or none is available.</p>
        </div>
      )}
      {showScreen && showCamera && camera && (
        <StreamVideo stream={camera} className="preview-bubble" label="Camera preview" />
      )}
      {countdown !== null && (
        <div className="countdown" aria-hidden="true">
          <span key={countdown} className="countdown-number">
            {countdown}
          </span>
        </div>
      )}
    </section>
  );
}
