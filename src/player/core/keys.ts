export type KeyCommand =
  | { kind: 'togglePlay' }
  | { kind: 'seekBy'; ms: number }
  | { kind: 'seekTo'; where: 'start' | 'end' }
  | { kind: 'captions' }
  | { kind: 'speed'; step: 1 | -1 }
  | { kind: 'mute' }
  | { kind: 'fullscreen' };

/** What kind of element the key went to: typing and native controls keep their own keys. */
export type KeyTarget = 'text' | 'button' | 'range' | 'other';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** The usual video-site keys (space/k, arrows, j/l, c, m, f, < >), so learners need nothing new. */
export function keyCommand(press: KeyPress, target: KeyTarget): KeyCommand | null {
  if (target === 'text' || press.ctrlKey || press.altKey || press.metaKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if ((key === ' ' || key === 'Enter') && target === 'button') return null;
  switch (key) {
    case ' ':
    case 'k':
      return { kind: 'togglePlay' };
    case 'ArrowLeft':
      return { kind: 'seekBy', ms: -5000 };
    case 'ArrowRight':
      return { kind: 'seekBy', ms: 5000 };
    case 'j':
      return { kind: 'seekBy', ms: -10_000 };
    case 'l':
      return { kind: 'seekBy', ms: 10_000 };
    case 'PageUp':
      return target === 'range' ? { kind: 'seekBy', ms: 10_000 } : null;
    case 'PageDown':
      return target === 'range' ? { kind: 'seekBy', ms: -10_000 } : null;
    case 'Home':
      return target === 'range' ? { kind: 'seekTo', where: 'start' } : null;
    case 'End':
      return target === 'range' ? { kind: 'seekTo', where: 'end' } : null;
    case 'c':
      return { kind: 'captions' };
    case '<':
    case ',':
      return { kind: 'speed', step: -1 };
    case '>':
    case '.':
      return { kind: 'speed', step: 1 };
    case 'm':
      return { kind: 'mute' };
    case 'f':
      return { kind: 'fullscreen' };
    default:
      return null;
  }
}

/** The next allowed speed up or down from `current`; stays put at either end. */
export function stepRate(rates: readonly number[], current: number, step: 1 | -1): number {
  const sorted = [...rates].sort((a, b) => a - b);
  const index = sorted.indexOf(current);
  if (index < 0) return sorted.includes(1) ? 1 : (sorted[0] ?? 1);
  return sorted[Math.min(Math.max(index + step, 0), sorted.length - 1)] ?? current;
}
