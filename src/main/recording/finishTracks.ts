import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { Take, TrackRole } from '@shared/media/takes';
import type { StudioDatabase } from '../store/database';
import { DiskFullError, isDiskFull } from '../rpc/storageErrors';
import type { StudioLog } from '../logging/log';
import { FlatMp4Builder } from './flatMp4';
import { TAIL_TOLERANCE_S } from './holdLastFrame';
import { probeMedia, type PlayableOptions } from './mediaFile';
import {
  finalizeTrack,
  holdShortVideos,
  recordTrackFacts,
  removeSpool,
  spoolFilesOf,
  type FinalizeTrack,
} from './takeFiles';

/** Reading a spool to build its MP4 when recovering: a few megabytes at a time, so memory stays flat. */
const READ_BYTES = 4 * 1024 * 1024;

export interface TrackToFinish extends FinalizeTrack {
  /** The plain MP4 built while recording, or null when the spool must be remuxed (WebM, an unknown layout). */
  built: FlatMp4Builder | null;
}

export interface FinishContext {
  db: StudioDatabase;
  mediaRoot: string;
  takeId: string;
  folder: string;
  origin: Take['origin'];
  options: PlayableOptions;
  log?: Pick<StudioLog, 'info' | 'warn'>;
  /** Removes a track that cannot be read back (recovering only). */
  dropTrack: (role: TrackRole) => void;
}

/** Where a recording's plain MP4 grows while it is recorded, beside its spool. */
export function builtFileOf(mediaRoot: string, folder: string, role: TrackRole): string {
  return `${spoolFilesOf(mediaRoot, folder, role).part.slice(0, -'.part'.length)}.mp4.part`;
}

/**
 * A fresh builder fed the whole spool: how a recovered take gets the same quick finish. Null if it cannot (then the
 * spool is remuxed). Reads a few megabytes at a time and yields between them, so main stays responsive.
 */
export async function buildFromSpool(
  mediaRoot: string,
  folder: string,
  role: TrackRole,
): Promise<FlatMp4Builder | null> {
  let builder: FlatMp4Builder;
  try {
    builder = new FlatMp4Builder(builtFileOf(mediaRoot, folder, role));
  } catch {
    return null;
  }
  const spool = await fs.promises.open(spoolFilesOf(mediaRoot, folder, role).part, 'r');
  try {
    const buffer = new Uint8Array(READ_BYTES);
    for (let read; (read = (await spool.read(buffer, 0, READ_BYTES, null)).bytesRead) > 0;)
      builder.push(buffer.subarray(0, read));
    return builder;
  } catch {
    builder.abort();
    return null;
  } finally {
    await spool.close();
  }
}

/**
 * Turns every track of a take into its finished file and answers the take's length and how many tracks were kept.
 * A track built while recording only gets its index written (and a still screen's last frame held to Stop in
 * that index, with no second copy of the file); any other is remuxed from its spool. If a built file cannot be
 * finished or read back, the spool is still there and that track is remuxed instead. Logs where the time went.
 */
export async function finishTracks(
  context: FinishContext,
  tracks: readonly TrackToFinish[],
): Promise<{ durationMs: number; kept: number }> {
  const started = performance.now();
  const timings: string[] = [];
  const timed: Timed = async (label, work) => {
    const at = performance.now();
    try {
      return await work();
    } finally {
      timings.push(`${label} ${Math.round(performance.now() - at)} ms`);
    }
  };
  let durationMs = 0;
  let kept = 0;
  const keep = async (track: FinalizeTrack, finish: () => Promise<number>) => {
    try {
      durationMs = Math.max(durationMs, await finish());
      kept += 1;
    } catch (error) {
      // Recovering, a track that cannot be read back (say, a camera that had sent only its header) is dropped so the
      // others are saved; finishing normally, any failure leaves the whole take on disk to be recovered.
      // A full disk is not an unreadable track: nothing is dropped for it.
      if (context.origin !== 'recovered' || !(error instanceof StudioError) || error instanceof DiskFullError)
        throw error;
      context.dropTrack(track.role);
    }
  };
  const remux = (track: FinalizeTrack) =>
    timed(`${track.role} remux and probe`, () =>
      finalizeTrack(context.db, context.mediaRoot, context.takeId, context.folder, track, context.options),
    );

  for (const track of tracks) if (!track.built) await keep(track, () => remux(track));
  // The take ends where its longest track does: known from the built tracks' tables before any is written.
  const takeEndMs = Math.max(
    durationMs,
    ...tracks.map((track) => (track.built ? track.startOffsetMs + track.built.endS * 1000 : 0)),
  );
  for (const track of tracks) {
    const { built } = track;
    if (!built) continue;
    await keep(track, async () => {
      const end = await finishBuilt(context, track, built, takeEndMs, timed);
      return end ?? remux(track);
    });
  }
  // An imported file is kept as it was made; only a recording's still screen has a tail to restore. A screen built
  // while recording already ends at Stop, so this finds nothing to do for it.
  if (kept > 0 && context.origin !== 'imported')
    await timed('hold', () => holdShortVideos(context.db, context.mediaRoot, context.takeId, durationMs));
  context.log?.info(
    `Finished take ${context.takeId} in ${Math.round(performance.now() - started)} ms: ${timings.join(', ')}`,
  );
  return { durationMs, kept };
}

type Timed = <T>(label: string, work: () => Promise<T>) => Promise<T>;

/** Writes a built track's index, checks the file reads back, records it; null if it could not (then remux). */
async function finishBuilt(
  context: FinishContext,
  track: FinalizeTrack,
  built: FlatMp4Builder,
  takeEndMs: number,
  timed: Timed,
): Promise<number | null> {
  const target = path.join(context.mediaRoot, ...context.folder.split('/'), `${track.role}.mp4`);
  try {
    // Only the screen: a camera sends frames all the time, so one that ends early was unplugged (see holdShortVideos).
    const holdUntilS = (takeEndMs - track.startOffsetMs) / 1000;
    const hold = track.role === 'screen' && built.videoEndS < holdUntilS - TAIL_TOLERANCE_S;
    await timed(`${track.role} index`, () => {
      built.finish(hold ? { holdVideoUntilS: holdUntilS } : {});
      fs.renameSync(built.target, target);
      return Promise.resolve();
    });
    const facts = await timed(`${track.role} probe`, () => probeMedia(target));
    recordTrackFacts(context.db, context.takeId, `${context.folder}/${track.role}.mp4`, track, facts);
    removeSpool(context.mediaRoot, context.folder, track.role);
    return track.startOffsetMs + facts.durationMs;
  } catch (error) {
    built.abort();
    fs.rmSync(target, { force: true });
    if (isDiskFull(error)) throw new DiskFullError();
    context.log?.warn(
      `The ${track.role} file built while recording could not be finished (${error instanceof Error ? error.message : String(error)}); remuxing it instead`,
    );
    return null;
  }
}
