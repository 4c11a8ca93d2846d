import type { SourceSamples } from './sourceSamples';

/** One sample of the output: copied from `offset` of its track's source file, or these bytes (re-encoded at a cut). */
export interface OutputSample {
  /** Presentation time in the output (s). */
  readonly timestamp: number;
  /** How long it shows (s); used for the last sample, the others last until the next. */
  readonly duration: number;
  readonly key: boolean;
  readonly size: number;
  readonly offset: number;
  readonly bytes: Uint8Array | null;
}

export interface OutputTrack {
  /** The file the copied samples are read from, and its track's boxes. */
  readonly file: string;
  readonly source: SourceSamples;
  /** The sample description to write (the source's, or a video one carrying another avcC). */
  readonly stsd: Uint8Array;
  readonly samples: readonly OutputSample[];
}
