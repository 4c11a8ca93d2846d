import { describe, expect, it } from 'vitest';
import { renderByteCeiling } from './outputCeiling';
import { videoBitrate, AUDIO_BITRATE } from './outputSize';

const file = (sizeBytes: number) => ({
  role: 'screen' as const,
  path: 'p/t/screen.mp4',
  container: 'mp4',
  videoCodec: 'avc',
  audioCodec: 'aac',
  width: 1920,
  height: 1080,
  frameRate: 30,
  durationMs: 3_600_000,
  sizeBytes,
  startOffsetMs: 0,
});

describe('renderByteCeiling', () => {
  it('leaves room for an hour re-encoded at 1080p with overshoot, or copied as recorded', () => {
    const recorded = 2_500_000_000;
    const ceiling = renderByteCeiling({ durationMs: 3_600_000, files: [file(recorded)] });
    const atTarget = (3600 * (videoBitrate(1080) + AUDIO_BITRATE)) / 8;
    expect(ceiling).toBeGreaterThan(3 * atTarget);
    expect(ceiling).toBeGreaterThan(recorded);
  });

  it('stays far below what a runaway position asks for', () => {
    const ceiling = renderByteCeiling({ durationMs: 10_000, files: [file(5_000_000)] });
    expect(ceiling).toBeLessThan(200 * 1024 * 1024);
    expect(ceiling).toBeGreaterThanOrEqual(64 * 1024 * 1024);
  });
});
