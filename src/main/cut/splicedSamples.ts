import type { EncodedPiece } from '@shared/contract/cuts';
import { parseAvcConfig, type AvcConfig } from '@shared/render/avcConfig';
import { lessonTimeOfPacket } from '@shared/render/packetCopy';
import { planSplice, type Splice } from '@shared/render/smartCutSplice';
import { frameDuration, type AudioCopy, type FileCut, type VideoCopy } from './fileCut';

interface Timed {
  /** Lesson time (s). */
  readonly timestamp: number;
  readonly duration: number;
  readonly key: boolean;
}

/** A frame of a piece re-encoded at a cut, its bytes already as the output track carries them. */
export interface ReencodedSample extends Timed {
  readonly kind: 'reencoded';
  readonly bytes: Uint8Array;
}

/** A source packet copied as it is: its place in the track's index, and what the reader gave for it. */
export interface CopiedSample<T> extends Timed {
  readonly kind: 'copied';
  readonly at: number;
  readonly packet: T;
}

export type SplicedSample<T> = ReencodedSample | CopiedSample<T>;

/**
 * Reads the source packets [start, end) of a track, in index order: their bytes (through the muxer), or only their
 * places (copying by byte range, where the sample table says where the bytes are).
 */
export type ReadRange<T> = (start: number, end: number) => Iterable<T> | AsyncIterable<T>;

/** The places [start, end) themselves: for a copy that needs no more of a packet than where it is. */
export function* placesIn(start: number, end: number): Generator<number> {
  for (let at = start; at < end; at++) yield at;
}

/** How the pieces re-encoded at cuts share the track with the copied packets (see `planSplice`). */
export function spliceOf(copy: Pick<VideoCopy, 'codec' | 'description'>, pieces: readonly EncodedPiece[]): Splice {
  const firstDescription = pieces[0]?.packets[0]?.description;
  const made = firstDescription ? parseAvcConfig(firstDescription) : null;
  if (pieces.length > 0 && !made) throw new Error('The encoder gave no H.264 configuration for a cut');
  return planSplice(copy.codec, copy.description, made);
}

/**
 * A cut output's picture, sample by sample in lesson order: for each kept span, the frames re-encoded up to its
 * first keyframe (from `pieces`, in span order), then the packets copied from that keyframe on, retimed from the
 * take's clock to the lesson's so the kept spans follow each other without a gap.
 */
export async function* splicedVideo<T>(
  cut: Pick<FileCut, 'spans'> & { readonly source: Pick<FileCut['source'], 'offsetMs'> },
  copy: Pick<VideoCopy, 'packets' | 'decision' | 'frameRate'>,
  pieces: readonly EncodedPiece[],
  splice: Pick<Splice, 'reencoded'>,
  read: ReadRange<T>,
): AsyncGenerator<SplicedSample<T>> {
  let nextPiece = 0;
  let config: AvcConfig | null = null;
  for (const span of copy.decision.cuts) {
    if (span.reencode) {
      const piece = pieces[nextPiece];
      nextPiece += 1;
      if (!piece || piece.packets.length !== span.reencode.end - span.reencode.start)
        throw new Error('A re-encoded part before a cut has the wrong number of frames');
      if (piece.packets[0]?.key !== true) throw new Error('A re-encoded part does not start on a keyframe');
      for (const packet of piece.packets) {
        // The encoder gives its configuration with its first packet, and again only when it changes.
        if (packet.description) config = parseAvcConfig(packet.description);
        if (!config) throw new Error('The encoder gave no H.264 configuration for a cut');
        const bytes = splice.reencoded(packet.data, packet.key, config);
        const { timestamp, duration, key } = packet;
        yield { kind: 'reencoded', timestamp, duration, key, bytes };
      }
    }
    if (!span.copy) continue;
    let at = span.copy.start;
    for await (const packet of read(span.copy.start, span.copy.end)) {
      const info = copy.packets[at];
      const timestamp = info ? lessonTimeOfPacket(cut.spans, cut.source.offsetMs, info.timestamp) : null;
      if (info && timestamp !== null)
        yield { kind: 'copied', at, packet, timestamp, duration: frameDuration(copy, at), key: info.key };
      at += 1;
    }
  }
}

/** A cut output's sound, packet by packet in lesson order: each piece's packets keep their spacing from its start. */
export async function* splicedAudio<T>(
  copy: Pick<AudioCopy, 'packets' | 'pieces'>,
  read: ReadRange<T>,
): AsyncGenerator<CopiedSample<T>> {
  for (const piece of copy.pieces) {
    const from = copy.packets[piece.start];
    if (!from) continue;
    let at = piece.start;
    for await (const packet of read(piece.start, piece.end)) {
      const info = copy.packets[at];
      if (info) {
        const timestamp = piece.lessonTime + info.timestamp - from.timestamp;
        yield { kind: 'copied', at, packet, timestamp, duration: info.duration, key: true };
      }
      at += 1;
    }
  }
}
