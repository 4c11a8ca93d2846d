import { Mp4LayoutError, childBoxes, contentOf, viewOf, type Box } from './mp4Boxes';
import type { Sample } from './sampleTable';

/** A track's sample defaults from its `trex` box. */
export interface TrackDefaults {
  readonly duration: number;
  readonly size: number;
  readonly flags: number;
}

export interface FragmentRun {
  readonly trackId: number;
  /** Where the run's first sample is in the file. */
  readonly offset: number;
  readonly samples: Sample[];
  /** The track fragment's base decode time (`tfdt`), on its first run; null when absent or on later runs. */
  readonly decodeTime: number | null;
}

/** The sample is not a keyframe (ISO/IEC 14496-12, sample_is_non_sync_sample). */
const NON_SYNC = 0x10000;

/** The sample runs of one `moof` at `moofStart`, with each run's place in the file (ISO/IEC 14496-12 §8.8). */
export function fragmentRuns(
  moof: Box,
  moofStart: number,
  defaultsOf: (trackId: number) => TrackDefaults | undefined,
): FragmentRun[] {
  const runs: FragmentRun[] = [];
  for (const traf of childBoxes(contentOf(moof)).filter((child) => child.type === 'traf')) {
    const children = childBoxes(contentOf(traf));
    const tfhd = children.find((child) => child.type === 'tfhd');
    if (!tfhd) throw new Mp4LayoutError('a track fragment without its header');
    const header = readTfhd(contentOf(tfhd), defaultsOf);
    if (!header) continue;
    const tfdt = children.find((child) => child.type === 'tfdt');
    let decodeTime = tfdt ? readTfdt(contentOf(tfdt)) : null;
    let next = header.base ?? moofStart;
    for (const trun of children.filter((child) => child.type === 'trun')) {
      const run = readTrun(contentOf(trun), header.defaults, header.base ?? moofStart, next);
      runs.push({ trackId: header.trackId, offset: run.offset, samples: run.samples, decodeTime });
      decodeTime = null;
      next = run.offset + run.samples.reduce((sum, sample) => sum + sample.size, 0);
    }
  }
  return runs;
}

function readTfhd(
  content: Uint8Array,
  defaultsOf: (trackId: number) => TrackDefaults | undefined,
): { trackId: number; base: number | null; defaults: TrackDefaults } | null {
  const view = viewOf(content);
  const flags = view.getUint32(0) & 0xffffff;
  const trackId = view.getUint32(4);
  const trex = defaultsOf(trackId);
  if (!trex) return null;
  let at = 8;
  let base: number | null = null;
  if (flags & 0x1) {
    base = Number(view.getBigUint64(at));
    at += 8;
  } else if (!(flags & 0x20000)) {
    throw new Mp4LayoutError('track fragments placed relative to each other');
  }
  if (flags & 0x2) {
    if (view.getUint32(at) !== 1) throw new Mp4LayoutError('more than one sample description');
    at += 4;
  }
  let { duration, size, flags: sampleFlags } = trex;
  if (flags & 0x8) {
    duration = view.getUint32(at);
    at += 4;
  }
  if (flags & 0x10) {
    size = view.getUint32(at);
    at += 4;
  }
  if (flags & 0x20) sampleFlags = view.getUint32(at);
  return { trackId, base, defaults: { duration, size, flags: sampleFlags } };
}

function readTfdt(content: Uint8Array): number {
  const view = viewOf(content);
  return content[0] === 1 ? Number(view.getBigUint64(4)) : view.getUint32(4);
}

function readTrun(
  content: Uint8Array,
  defaults: TrackDefaults,
  base: number,
  next: number,
): { offset: number; samples: Sample[] } {
  const view = viewOf(content);
  const version = content[0] ?? 0;
  const flags = view.getUint32(0) & 0xffffff;
  const count = view.getUint32(4);
  let at = 8;
  let offset = next;
  if (flags & 0x1) {
    offset = base + view.getInt32(at);
    at += 4;
  }
  let firstFlags: number | null = null;
  if (flags & 0x4) {
    firstFlags = view.getUint32(at);
    at += 4;
  }
  const perSample = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
  if (at + count * perSample > content.byteLength) throw new Mp4LayoutError('a run longer than its box');
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    let { duration, size, flags: sampleFlags } = defaults;
    let compositionOffset = 0;
    if (flags & 0x100) {
      duration = view.getUint32(at);
      at += 4;
    }
    if (flags & 0x200) {
      size = view.getUint32(at);
      at += 4;
    }
    if (flags & 0x400) {
      sampleFlags = view.getUint32(at);
      at += 4;
    } else if (i === 0 && firstFlags !== null) sampleFlags = firstFlags;
    if (flags & 0x800) {
      compositionOffset = version === 0 ? view.getUint32(at) : view.getInt32(at);
      at += 4;
    }
    samples.push({ size, duration, sync: (sampleFlags & NON_SYNC) === 0, compositionOffset });
  }
  return { offset, samples };
}
