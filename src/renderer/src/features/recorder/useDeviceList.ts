import { useEffect, useState } from 'react';

export interface DeviceOption {
  id: string;
  label: string;
}

/**
 * Cameras and microphones, kept current as devices come and go. Labels are empty until the teacher has allowed
 * the device once, so `refreshKey` (e.g. "a stream is open") triggers a fresh read.
 */
export function useDeviceList(refreshKey: string): { cameras: DeviceOption[]; microphones: DeviceOption[] } {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void navigator.mediaDevices
        .enumerateDevices()
        .then((found) => live && setDevices(found))
        .catch(() => undefined);
    read();
    navigator.mediaDevices.addEventListener('devicechange', read);
    return () => {
      live = false;
      navigator.mediaDevices.removeEventListener('devicechange', read);
    };
  }, [refreshKey]);
  return {
    cameras: optionsOf(devices, 'videoinput', 'Camera'),
    microphones: optionsOf(devices, 'audioinput', 'Microphone'),
  };
}

function optionsOf(devices: MediaDeviceInfo[], kind: MediaDeviceKind, noun: string): DeviceOption[] {
  // "default" and "communications" are aliases of real devices; showing them twice confuses.
  const real = devices.filter(
    (device) =>
      device.kind === kind &&
      device.deviceId !== 'default' &&
      device.deviceId !== 'communications' &&
      device.deviceId !== '',
  );
  return real.map((device, index) => ({ id: device.deviceId, label: device.label || `${noun} ${index + 1}` }));
}
