/**
 * How the studio and the player write lengths of media and positions in it, in one place so "1:23" means the same
 * thing on every screen. Whole seconds, rounded down, as video players show them.
 */

function clockParts(ms: number): { hours: number; minutes: number; seconds: string } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: String(total % 60).padStart(2, '0'),
  };
}

/** "0:05", "12:34", "1:02:03": a length or a position, as a player shows it. */
export function formatClock(ms: number): string {
  const { hours, minutes, seconds } = clockParts(ms);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "00:05", "12:34", "1:02:03": a running clock (the recorder's) whose width does not jump as it counts. */
export function formatRunningClock(ms: number): string {
  const { hours, minutes, seconds } = clockParts(ms);
  return hours > 0 ? formatClock(ms) : `${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** For screen readers: "1 minute 23 seconds". */
export function spokenClock(ms: number): string {
  const { hours, minutes, seconds } = clockParts(ms);
  const parts: [number, string][] = [
    [hours, 'hour'],
    [minutes, 'minute'],
    [Number(seconds), 'second'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return said.length > 0 ? said.join(' ') : '0 seconds';
}

/** A playback speed: "1.25×". */
export function formatRate(rate: number): string {
  return `${rate}×`;
}
