import fs from 'node:fs';
import {
  ALL_FORMATS,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  FilePathSource,
  FilePathTarget,
  Input,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
  type EncodedPacket,
  type InputTrack,
} from 'mediabunny';

/** Shorter than this is a frame's rounding, not a lost tail. */
export const TAIL_TOLERANCE_S = 0.1;

interface Feed {
  readonly isVideo: boolean;
  readonly add: (packet: EncodedPacket, first: boolean) => Promise<void>;
  readonly close: () => void;
  readonly packets: AsyncIterator<EncodedPacket>;
  next: EncodedPacket | null;
  first: boolean;
}

/**
 * Screen capture sends no frame while the picture is still, so a recording of a screen that stopped changing ends at
 * its last change rather than at Stop: the file's video is seconds shorter than its sound and the camera. This
 * rewrites the file, copying every packet, with the last video frame held until `endS` (in the file's own time).
 * Answers false, leaving the file alone, when its video already reaches that far or it has none.
 */
export async function holdLastFrameUntil(file: string, endS: number): Promise<boolean> {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  const part = `${file}.hold.part`;
  try {
    const video = await input.getPrimaryVideoTrack();
    if (!video || (await video.computeDuration()) >= endS - TAIL_TOLERANCE_S) return false;
    const format = (await input.getFormat()).name === 'WebM' ? new WebMOutputFormat() : new Mp4OutputFormat();
    const output = new Output({ format, target: new FilePathTarget(part) });
    const feeds = await Promise.all((await input.getTracks()).map((track) => feedFor(track, output)));
    await output.start();
    for (const feed of feeds) feed.next = await nextOf(feed);
    for (;;) {
      // Packets go out in time order across tracks, so the muxer interleaves them without holding a track back.
      const feed = feeds
        .filter((each) => each.next !== null)
        .sort((a, b) => (a.next?.timestamp ?? 0) - (b.next?.timestamp ?? 0))[0];
      if (!feed?.next) break;
      let packet = feed.next;
      feed.next = await nextOf(feed);
      if (feed.isVideo && feed.next === null && packet.timestamp + packet.duration < endS)
        packet = packet.clone({ duration: endS - packet.timestamp });
      await feed.add(packet, feed.first);
      feed.first = false;
    }
    for (const feed of feeds) feed.close();
    await output.finalize();
    input.dispose();
    fs.renameSync(part, file);
    return true;
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  } finally {
    input.dispose();
  }
}

async function feedFor(track: InputTrack, output: Output): Promise<Feed> {
  const packets = new EncodedPacketSink(track).packets()[Symbol.asyncIterator]();
  const common = { packets, next: null, first: true };
  if (track.isVideoTrack()) {
    const codec = await track.getCodec();
    const decoderConfig = await track.getDecoderConfig();
    if (!codec || !decoderConfig) throw new Error('An unreadable video track');
    const source = new EncodedVideoPacketSource(codec);
    output.addVideoTrack(source, { rotation: await track.getRotation() });
    return {
      ...common,
      isVideo: true,
      add: (packet, first) => source.add(packet, first ? { decoderConfig } : undefined),
      close: () => source.close(),
    };
  }
  if (track.isAudioTrack()) {
    const codec = await track.getCodec();
    const decoderConfig = await track.getDecoderConfig();
    if (!codec || !decoderConfig) throw new Error('An unreadable audio track');
    const source = new EncodedAudioPacketSource(codec);
    output.addAudioTrack(source);
    return {
      ...common,
      isVideo: false,
      add: (packet, first) => source.add(packet, first ? { decoderConfig } : undefined),
      close: () => source.close(),
    };
  }
  throw new Error(`A ${track.type} track cannot be copied`);
}

async function nextOf(feed: Feed): Promise<EncodedPacket | null> {
  const step = await feed.packets.next();
  return step.done === true ? null : step.value;
}
