import { describe, expect, it } from 'vitest';
import { createProgressMeter, formatSpeed, formatTimeLeft } from './progress';

describe('createProgressMeter', () => {
  it('reports percent, speed against real time, and time left', () => {
    const meter = createProgressMeter(60_000, 1_000);
    expect(meter.read(30_000, 6_000)).toEqual({ percent: 50, speed: 6, etaMs: 5_000 });
  });

  it('sends at most ten updates a second, but always the last one', () => {
    const meter = createProgressMeter(10_000, 0);
    const sent = [0, 30, 60, 99, 100, 150, 199, 200, 250].map((now) => meter.update(now * 10, now)).filter(Boolean);
    expect(sent).toHaveLength(3);
    expect(meter.update(10_000, 251)).toMatchObject({ percent: 100 });
  });

  it('waits for the speed to settle before estimating', () => {
    const meter = createProgressMeter(10_000, 0);
    expect(meter.read(1_000, 100).etaMs).toBeNull();
    expect(meter.read(0, 5_000).etaMs).toBeNull();
  });

  it('clamps to the job', () => {
    expect(createProgressMeter(1_000, 0).read(5_000, 1_000)).toMatchObject({ percent: 100, etaMs: 0 });
  });
});

describe('formatting', () => {
  it('speaks plainly', () => {
    expect(formatSpeed(7.44)).toBe('7.4× real time');
    expect(formatSpeed(52.4)).toBe('52× real time');
    expect(formatTimeLeft(null)).toBe('estimating…');
    expect(formatTimeLeft(12_100)).toBe('13 s left');
    expect(formatTimeLeft(180_000)).toBe('3 min left');
    expect(formatTimeLeft(3_900_000)).toBe('about 1 h 5 min left');
  });
});
