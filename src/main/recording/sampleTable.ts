/** A column of numbers that grows by doubling: an hour's sample sizes take a few hundred kilobytes, not objects. */
export class Column<T extends Uint32Array | Int32Array | Float64Array> {
  private values: T;
  length = 0;

  constructor(private readonly make: (length: number) => T) {
    this.values = make(1024);
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  get last(): number {
    return this.values[this.length - 1] ?? 0;
  }

  set last(value: number) {
    this.values[this.length - 1] = value;
  }

  get(index: number): number {
    return this.values[index] ?? 0;
  }

  view(): T {
    return this.values.subarray(0, this.length) as T;
  }
}

export interface Sample {
  size: number;
  duration: number;
  sync: boolean;
  compositionOffset: number;
}

/** One track's samples as a plain MP4's sample table holds them, in decode order, filled fragment by fragment. */
export class SampleTable {
  readonly sizes = new Column((n) => new Uint32Array(n));
  readonly durations = new Column((n) => new Uint32Array(n));
  readonly compositionOffsets = new Column((n) => new Int32Array(n));
  /** 1-based numbers of the samples that are keyframes. */
  readonly syncSamples = new Column((n) => new Uint32Array(n));
  /** A chunk is a run of samples stored together: one per fragment's run. */
  readonly chunkOffsets = new Column((n) => new Float64Array(n));
  readonly chunkSampleCounts = new Column((n) => new Uint32Array(n));
  /** The decode time the next sample starts at, in the track's timescale. */
  nextDecodeTime = 0;
  /** The latest presentation end of any sample. */
  presentationEnd = 0;
  hasCompositionOffsets = false;

  get sampleCount(): number {
    return this.sizes.length;
  }

  /**
   * Places the next run at `decodeTime` (a fragment's base time): a plain MP4 has no gaps between samples, so a gap
   * (or an overlap) lengthens (or shortens) the sample before it, as a muxer writing timestamp differences would.
   * Answers false when an overlap is longer than that sample, which only a damaged file has.
   */
  startRunAt(decodeTime: number): boolean {
    if (this.sampleCount === 0) return decodeTime === 0;
    const shift = decodeTime - this.nextDecodeTime;
    if (shift === 0) return true;
    if (this.durations.last + shift < 0) return false;
    this.durations.last = this.durations.last + shift;
    this.nextDecodeTime = decodeTime;
    return true;
  }

  addRun(outputOffset: number, samples: readonly Sample[]): void {
    if (samples.length === 0) return;
    this.chunkOffsets.push(outputOffset);
    this.chunkSampleCounts.push(samples.length);
    for (const sample of samples) {
      this.sizes.push(sample.size);
      this.durations.push(sample.duration);
      this.compositionOffsets.push(sample.compositionOffset);
      if (sample.compositionOffset !== 0) this.hasCompositionOffsets = true;
      if (sample.sync) this.syncSamples.push(this.sizes.length);
      this.presentationEnd = Math.max(
        this.presentationEnd,
        this.nextDecodeTime + sample.compositionOffset + sample.duration,
      );
      this.nextDecodeTime += sample.duration;
    }
  }

  /** Holds the last sample until `end` (in the timescale) when it ends earlier; answers whether it did. */
  holdLastSampleUntil(end: number): boolean {
    const short = end - this.presentationEnd;
    if (this.sampleCount === 0 || short <= 0) return false;
    this.durations.last = this.durations.last + short;
    this.nextDecodeTime += short;
    this.presentationEnd = end;
    return true;
  }
}
