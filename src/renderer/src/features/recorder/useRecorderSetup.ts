import { useCallback, useEffect, useState } from 'react';
import {
  describeMediaError,
  openCamera,
  openMicrophone,
  usesCamera,
  usesScreen,
  type RecordingMode,
} from './mediaDevices';
import { readCountdownPreference, writeCountdownPreference } from './countdownPreference';
import { useDeviceList } from './useDeviceList';
import { useMicLevel } from './useMicLevel';
import { useScreenSource } from './useScreenSource';
import { useUserMedia } from './useUserMedia';

/** Everything chosen before pressing Record: mode, screen, camera, microphone (and mute), countdown. */
export function useRecorderSetup() {
  const [mode, setMode] = useState<RecordingMode>('screen-camera');
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [micId, setMicId] = useState<string | null>(null);
  const [countdownOn, setCountdownOn] = useState(() => readCountdownPreference());

  const screen = useScreenSource();
  const camera = useUserMedia(usesCamera(mode), cameraId, openCamera);
  const microphone = useUserMedia(true, micId, openMicrophone);
  const devices = useDeviceList(`${camera.stream?.id ?? ''}/${microphone.stream?.id ?? ''}`);
  const level = useMicLevel(microphone.stream);

  // Muting disables the track: the take keeps a silent sound track, so its length and sync are unchanged.
  const [muted, setMuted] = useState(false);
  useEffect(() => {
    microphone.stream?.getAudioTracks().forEach((track) => (track.enabled = !muted));
  }, [microphone.stream, muted]);

  const changeCountdown = useCallback((on: boolean) => {
    writeCountdownPreference(on);
    setCountdownOn(on);
  }, []);

  const problems = [
    screen.error,
    camera.error ? describeMediaError(camera.error, 'camera') : camera.ended ? 'The camera was disconnected.' : null,
    microphone.error
      ? describeMediaError(microphone.error, 'microphone')
      : microphone.ended
        ? 'The microphone was disconnected.'
        : null,
  ].filter((problem): problem is string => problem !== null);

  const needsScreen = usesScreen(mode) && !screen.stream;
  const needsCamera = mode === 'camera' && !camera.stream;

  return {
    mode,
    setMode,
    screen,
    camera: { ...camera, deviceId: cameraId, setDeviceId: setCameraId, devices: devices.cameras },
    microphone: {
      ...microphone,
      deviceId: micId,
      setDeviceId: setMicId,
      devices: devices.microphones,
      level,
      muted,
      setMuted,
    },
    countdownOn,
    setCountdownOn: changeCountdown,
    problems,
    needsScreen,
    needsCamera,
    /** The streams the session records, as chosen now. */
    streams: () => ({
      screen: usesScreen(mode) ? screen.stream : null,
      camera: usesCamera(mode) && !camera.ended ? camera.stream : null,
      microphone: microphone.ended ? null : microphone.stream,
    }),
  };
}

export type RecorderSetup = ReturnType<typeof useRecorderSetup>;
