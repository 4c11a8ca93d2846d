import { describe, expect, it } from 'vitest';
import { recordingShortcutOf, shortcutLabel } from './recordingShortcuts';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>,
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the recording shortcuts', () => {
  it('knows pause and stop with Ctrl (Command on a Mac) and Shift, in either case', () => {
    expect(recordingShortcutOf(press('P', { ctrlKey: true, shiftKey: true }), false)).toBe('togglePause');
    expect(recordingShortcutOf(press('s', { ctrlKey: true, shiftKey: true }), false)).toBe('stop');
    expect(recordingShortcutOf(press('S', { metaKey: true, shiftKey: true }), true)).toBe('stop');
  });

  it('ignores other keys and other modifiers', () => {
    expect(recordingShortcutOf(press('P', { ctrlKey: true }), false)).toBeNull();
    expect(recordingShortcutOf(press('P', { metaKey: true, shiftKey: true }), false)).toBeNull();
    expect(recordingShortcutOf(press('P', { ctrlKey: true, shiftKey: true, altKey: true }), false)).toBeNull();
    expect(recordingShortcutOf(press('X', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('names them as the keyboard labels them', () => {
    expect(shortcutLabel('togglePause', false)).toBe('Ctrl+Shift+P');
    expect(shortcutLabel('stop', true)).toBe('⌘⇧S');
  });
});
