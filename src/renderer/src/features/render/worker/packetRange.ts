import type { EncodedPacket, EncodedPacketSink } from 'mediabunny';

/**
 * The packets [start, end) of a track's packet index read earlier (metadata only), each with its place in that
 * index. Copying trusts the index it planned from, so a packet missing between planning and copying is an error,
 * never a silent gap.
 */
export async function* packetsInRange(
  sink: EncodedPacketSink,
  index: readonly { readonly timestamp: number }[],
  start: number,
  end: number,
  what: string,
): AsyncGenerator<{ packet: EncodedPacket; at: number }> {
  const from = index[start];
  const until = index[end];
  const first = from ? await sink.getPacket(from.timestamp) : null;
  const last = until ? await sink.getPacket(until.timestamp) : null;
  if (!first || (until && !last)) throw new Error(`The ${what} lost a packet between reading its index and copying it`);
  let at = start;
  for await (const packet of sink.packets(first, last ?? undefined)) {
    yield { packet, at };
    at += 1;
  }
  if (at !== end) throw new Error(`Copied ${at - start} of ${end - start} ${what} packets of a kept part`);
}
