const KEY = 'flipside.recorder.countdown';

/** Whether a 3-2-1 countdown runs before recording; on unless the teacher turned it off on this computer. */
export function readCountdownPreference(storage: Storage = window.localStorage): boolean {
  return storage.getItem(KEY) !== 'off';
}

export function writeCountdownPreference(on: boolean, storage: Storage = window.localStorage): void {
  storage.setItem(KEY, on ? 'on' : 'off');
}
