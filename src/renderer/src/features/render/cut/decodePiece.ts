import type { CutPiece } from '@shared/contract/cuts';

/** Decoded frames waiting to be encoded before decoding pauses: memory stays at a few frames, whatever the GOP. */
const MAX_WAITING = 4;

interface DecodeState {
  readonly ready: VideoFrame[];
  failure: Error | null;
  flushed: boolean;
  wake: (() => void) | null;
}

/**
 * The pictures of a piece that are encoded again, in order: every packet from the keyframe before is decoded (the
 * frames before `keepFrom` only to reach them, and closed at once). Frames come out as they are decoded.
 */
export async function* decodePiece(piece: CutPiece): AsyncGenerator<VideoFrame> {
  const state: DecodeState = { ready: [], failure: null, flushed: false, wake: null };
  const signal = () => {
    state.wake?.();
    state.wake = null;
  };
  const fail = (error: unknown) => {
    state.failure ??= error instanceof Error ? error : new Error(String(error));
    signal();
  };
  const waitForChange = () => new Promise<void>((resolve) => (state.wake = resolve));
  let decoded = 0;
  const decoder = new VideoDecoder({
    output: (frame) => {
      if (decoded < piece.keepFrom) frame.close();
      else state.ready.push(frame);
      decoded += 1;
      signal();
    },
    error: fail,
  });
  const wanted = piece.packets.length - piece.keepFrom;
  try {
    decoder.configure({
      codec: piece.codec,
      description: piece.description,
      codedWidth: piece.width,
      codedHeight: piece.height,
    });
    void feed(decoder, piece, state, waitForChange).then(() => {
      state.flushed = true;
      signal();
    }, fail);
    for (let given = 0; given < wanted;) {
      if (state.failure) throw state.failure;
      const frame = state.ready.shift();
      if (frame) {
        given += 1;
        signal();
        yield frame;
      } else if (state.flushed) throw new Error(`Only ${given} of ${wanted} frames before a cut could be decoded`);
      else await waitForChange();
    }
  } finally {
    for (const frame of state.ready.splice(0)) frame.close();
    if (decoder.state !== 'closed') decoder.close();
    signal();
  }
}

/** Hands the packets to the decoder, pausing while enough decoded frames wait, then flushes it. */
async function feed(
  decoder: VideoDecoder,
  piece: CutPiece,
  state: DecodeState,
  waitForChange: () => Promise<void>,
): Promise<void> {
  for (const packet of piece.packets) {
    while (state.ready.length >= MAX_WAITING && !state.failure) await waitForChange();
    if (state.failure || decoder.state === 'closed') return;
    decoder.decode(
      new EncodedVideoChunk({
        type: packet.key ? 'key' : 'delta',
        timestamp: Math.round(packet.timestamp * 1e6),
        data: packet.data,
      }),
    );
  }
  await decoder.flush();
}
