/** What one line of ffmpeg's `-progress` output (or its classic status line) says about how far it got. */
export interface ProgressReading {
  /** Output time reached, in milliseconds. */
  outMs?: number;
  /** Encoding speed as a multiple of real time (0.5 = half as fast as playback). */
  speed?: number;
  /** ffmpeg wrote `progress=end`: the output is complete. */
  end?: boolean;
}

const CLOCK = /(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/;

function clockMs(text: string): number | undefined {
  const match = CLOCK.exec(text);
  if (!match) return undefined;
  return Math.round((Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000);
}

/**
 * Reads one log line. `-progress pipe:2` writes `key=value` lines (`out_time_us=…`, `speed=0.61x`,
 * `progress=continue|end`); the classic status line (`frame=… time=00:00:01.20 … speed=0.6x`) is read too, since
 * ffmpeg.wasm's build may print either. Unknown lines and `N/A` values (before the first frame) say nothing.
 */
export function parseProgressLine(line: string): ProgressReading {
  const text = line.trim();
  const pair = /^([a-z_]+)=\s*(.*)$/.exec(text);
  if (pair && !text.includes(' time=')) {
    const [, key, value = ''] = pair;
    if (key === 'out_time_us' || key === 'out_time_ms') {
      // Both keys are microseconds in ffmpeg (out_time_ms is a long-standing misnomer).
      const us = Number(value);
      return Number.isFinite(us) && us >= 0 && value !== '' ? { outMs: Math.round(us / 1000) } : {};
    }
    if (key === 'out_time') return optional('outMs', clockMs(value));
    if (key === 'speed') return optional('speed', speedOf(value));
    if (key === 'progress') return value === 'end' ? { end: true } : {};
    return {};
  }
  const time = /\btime=\s*(\S+)/.exec(text);
  const speed = /\bspeed=\s*(\S+)/.exec(text);
  return {
    ...optional('outMs', time ? clockMs(time[1] ?? '') : undefined),
    ...optional('speed', speed ? speedOf(speed[1] ?? '') : undefined),
  };
}

function speedOf(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)x$/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

function optional(key: 'outMs' | 'speed', value: number | undefined): ProgressReading {
  return value === undefined ? {} : { [key]: value };
}

/** Percent done (0–99 until ffmpeg says it ended, so the bar never sits at 100 while the file is still being closed). */
export function percentOf(outMs: number, durationMs: number): number {
  if (!(durationMs > 0)) return 0;
  return Math.max(0, Math.min(99, Math.floor((outMs / durationMs) * 100)));
}
