import { describe, expect, it } from 'vitest';
import { parseProgressLine, percentOf } from './transcodeProgress';

// Lines as ffmpeg.wasm 0.12 (ffmpeg 5.1) wrote them converting a 2 s HEVC clip with `-progress pipe:2`.
const PROGRESS_BLOCK = `frame=36
fps=19.13
stream_0_0_q=29.0
bitrate= 328.1kbits/s
total_size=48
out_time_us=1194667
out_time_ms=1194667
out_time=00:00:01.194667
dup_frames=0
drop_frames=0
speed=0.439x
progress=continue`;

describe('parseProgressLine', () => {
  it('reads -progress key=value lines', () => {
    const readings = PROGRESS_BLOCK.split('\n').map(parseProgressLine);
    expect(readings.filter((reading) => Object.keys(reading).length > 0)).toEqual([
      { outMs: 1195 },
      { outMs: 1195 },
      { outMs: 1195 },
      { speed: 0.439 },
    ]);
    expect(parseProgressLine('progress=end')).toEqual({ end: true });
  });

  it('reads the classic status line', () => {
    expect(
      parseProgressLine(
        'frame=   60 fps= 19 q=29.0 Lsize=      80kB time=00:00:02.00 bitrate= 328.1kbits/s speed=0.639x    ',
      ),
    ).toEqual({ outMs: 2000, speed: 0.639 });
    expect(parseProgressLine('size=  1024kB time=01:02:03.50 bitrate=N/A speed=12.5x')).toEqual({
      outMs: 3_723_500,
      speed: 12.5,
    });
  });

  it('says nothing about lines before the first frame or unrelated log lines', () => {
    expect(parseProgressLine('out_time_us=N/A')).toEqual({});
    expect(parseProgressLine('out_time=N/A')).toEqual({});
    expect(parseProgressLine('speed=N/A')).toEqual({});
    expect(parseProgressLine('frame=    0 fps=0.0 q=0.0 size=       0kB time=N/A bitrate=N/A speed=N/A')).toEqual({});
    expect(
      parseProgressLine('[mp4 @ 0xdf85d0] Starting second pass: moving the moov atom to the beginning of the file'),
    ).toEqual({});
    expect(parseProgressLine('Stream #0:0 -> #0:0 (hevc (native) -> h264 (libx264))')).toEqual({});
  });
});

describe('percentOf', () => {
  it('is a whole percent that stays below 100 until the end and copes with an unknown duration', () => {
    expect(percentOf(1195, 2000)).toBe(59);
    expect(percentOf(2005, 2000)).toBe(99);
    expect(percentOf(-5, 2000)).toBe(0);
    expect(percentOf(500, 0)).toBe(0);
  });
});
