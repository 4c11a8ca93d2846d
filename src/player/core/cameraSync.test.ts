import { describe, expect, it } from 'vitest';
import { cameraTimeFor, IN_STEP_S, MAX_BEND, SEEK_BEYOND_S, syncCamera } from './cameraSync';

describe('syncCamera', () => {
  it('leaves a camera within a frame alone, at the screen’s speed', () => {
    expect(syncCamera(10, 10.02, 1.5)).toEqual({ seekTo: null, rate: 1.5 });
    expect(syncCamera(10, 9.98, 1)).toEqual({ seekTo: null, rate: 1 });
  });

  it('slows a camera that runs ahead and speeds up one that lags, never by more than the bend', () => {
    const ahead = syncCamera(10, 10.1, 1);
    const behind = syncCamera(10, 9.9, 1);
    expect(ahead.seekTo).toBeNull();
    expect(ahead.rate).toBeLessThan(1);
    expect(behind.rate).toBeGreaterThan(1);
    expect(syncCamera(10, 10.24, 2).rate).toBeGreaterThanOrEqual(2 * (1 - MAX_BEND));
    expect(syncCamera(10, 9.76, 2).rate).toBeLessThanOrEqual(2 * (1 + MAX_BEND));
  });

  it('seeks a camera that is far off, never before the start of its file', () => {
    expect(syncCamera(10, 10 + SEEK_BEYOND_S + 0.01, 1)).toEqual({ seekTo: 10, rate: 1 });
    expect(syncCamera(-0.5, 3, 1)).toEqual({ seekTo: 0, rate: 1 });
  });

  it('brings a drifting camera into step within two seconds and keeps it there, without seeking', () => {
    // The screen plays at 1x; the camera's decoder runs 1 % slow and starts 0.2 s behind. Decisions come every frame.
    const frame = 1 / 30;
    let screen = 1;
    let camera = 0.8;
    let rate = 1;
    let seeks = 0;
    const drifts: number[] = [];
    for (let step = 0; step < 30 * 10; step += 1) {
      screen += frame;
      camera += frame * rate * 0.99;
      const decision = syncCamera(screen, camera, 1);
      if (decision.seekTo !== null) {
        seeks += 1;
        camera = decision.seekTo;
      }
      rate = decision.rate;
      drifts.push(Math.abs(camera - screen));
    }
    expect(seeks).toBe(0);
    expect(Math.max(...drifts.slice(60))).toBeLessThanOrEqual(IN_STEP_S + 0.005);
    expect(Math.max(...drifts.slice(90))).toBeLessThanOrEqual(frame);
  });
});

describe('cameraTimeFor', () => {
  it('shifts by the camera’s offset and stays inside the camera file', () => {
    expect(cameraTimeFor(10, 250, 60)).toBe(9.75);
    expect(cameraTimeFor(10, -250, 60)).toBe(10.25);
    expect(cameraTimeFor(0.1, 250, 60)).toBe(0);
    expect(cameraTimeFor(70, 0, 60)).toBe(60);
    expect(cameraTimeFor(70, 0, NaN)).toBe(70);
  });
});
