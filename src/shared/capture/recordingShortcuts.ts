/**
 * Pause/resume and stop while recording, as Electron accelerators. The app registers them globally (they work while
 * the app being recorded has focus); the recorder screen also honours them itself and shows them on its buttons.
 */
export const RECORDING_SHORTCUTS = {
  togglePause: 'CommandOrControl+Shift+P',
  stop: 'CommandOrControl+Shift+S',
} as const;

export type RecordingShortcut = keyof typeof RECORDING_SHORTCUTS;

interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Which recording shortcut a key press is, if any; `mac` says Command stands for CommandOrControl. */
export function recordingShortcutOf(press: KeyPress, mac: boolean): RecordingShortcut | null {
  const mod = mac ? press.metaKey : press.ctrlKey;
  if (!mod || !press.shiftKey || press.altKey) return null;
  const key = press.key.toUpperCase();
  for (const [name, accelerator] of Object.entries(RECORDING_SHORTCUTS) as [RecordingShortcut, string][])
    if (accelerator.split('+').at(-1) === key) return name;
  return null;
}

/** "Ctrl+Shift+P" or "⌘⇧P", as the teacher's keyboard labels it. */
export function shortcutLabel(name: RecordingShortcut, mac: boolean): string {
  const key = RECORDING_SHORTCUTS[name].split('+').at(-1) ?? '';
  return mac ? `⌘⇧${key}` : `Ctrl+Shift+${key}`;
}
