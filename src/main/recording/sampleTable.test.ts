import { describe, expect, it } from 'vitest';
import { SampleTable, type Sample } from './sampleTable';

const frames = (count: number, duration: number, sync = false): Sample[] =>
  Array.from({ length: count }, (_, i) => ({ size: 100 + i, duration, sync: sync && i === 0, compositionOffset: 0 }));

describe('SampleTable', () => {
  it('lengthens the sample before a gap between fragments, so the next fragment starts where its base time says', () => {
    // MediaRecorder stamps a still screen's last frame of a fragment with a nominal 1/30 s, though the next frame
    // came later: the gap is that frame's real length.
    const table = new SampleTable();
    expect(table.startRunAt(0)).toBe(true);
    table.addRun(0, frames(3, 1000, true));
    expect(table.startRunAt(9000)).toBe(true);
    table.addRun(500, frames(2, 1000, true));

    expect([...table.durations.view()]).toEqual([1000, 1000, 7000, 1000, 1000]);
    expect(table.nextDecodeTime).toBe(11_000);
    expect([...table.syncSamples.view()]).toEqual([1, 4]);
    expect([...table.chunkOffsets.view()]).toEqual([0, 500]);
    expect([...table.chunkSampleCounts.view()]).toEqual([3, 2]);
  });

  it('shortens the sample before an overlap, and refuses one longer than that sample or a track not starting at 0', () => {
    const table = new SampleTable();
    expect(new SampleTable().startRunAt(3000)).toBe(false);
    table.startRunAt(0);
    table.addRun(0, frames(2, 1000));
    expect(table.startRunAt(1500)).toBe(true);
    expect([...table.durations.view()]).toEqual([1000, 500]);
    expect(table.startRunAt(900)).toBe(false);
  });

  it('holds the last sample to a later end only when it ends earlier', () => {
    const table = new SampleTable();
    table.startRunAt(0);
    table.addRun(0, frames(2, 1000));
    expect(table.holdLastSampleUntil(1500)).toBe(false);
    expect(table.holdLastSampleUntil(5000)).toBe(true);
    expect([...table.durations.view()]).toEqual([1000, 4000]);
    expect(table.presentationEnd).toBe(5000);
  });

  it('grows past its first allocation without losing a value', () => {
    const table = new SampleTable();
    table.startRunAt(0);
    for (let run = 0; run < 50; run++) table.addRun(run * 10_000, frames(100, 512));
    expect(table.sampleCount).toBe(5000);
    expect(table.sizes.get(4999)).toBe(199);
    expect(table.nextDecodeTime).toBe(5000 * 512);
  });
});
