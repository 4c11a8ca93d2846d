import fs from 'node:fs';
import path from 'node:path';
import type { StudioDatabase } from '../store/database';
import type { TrackRole } from '@shared/media/takes';
import { holdLastFrameUntil } from './holdLastFrame';
import { probeMedia, remuxToPlayable, type MediaFacts, type PlayableOptions } from './mediaFile';
import type { SpoolFiles } from './chunkSpool';

/** Where a take's files live, relative to the media root: `<projectId>/<takeId>/`. */
export function takeFolder(projectId: string, takeId: string): string {
  return `${projectId}/${takeId}`;
}

export function spoolFilesOf(mediaRoot: string, folder: string, role: TrackRole): SpoolFiles {
  const base = path.join(mediaRoot, ...folder.split('/'), role);
  return { part: `${base}.part`, index: `${base}.chunks` };
}

export interface FinalizeTrack {
  role: TrackRole;
  startOffsetMs: number;
}

/**
 * Turns each track's `.part` into its finished file (remuxed so it has a duration and seeks), records the file's
 * facts, and removes the spool. The part is removed only once the finished file is probed, so a failure here
 * leaves the recording recoverable.
 */
export async function finalizeTrack(
  db: StudioDatabase,
  mediaRoot: string,
  takeId: string,
  folder: string,
  track: FinalizeTrack,
  options: PlayableOptions = {},
): Promise<number> {
  const spool = spoolFilesOf(mediaRoot, folder, track.role);
  const target = await remuxToPlayable(spool.part, path.join(mediaRoot, ...folder.split('/'), track.role), options);
  const relative = `${folder}/${path.basename(target)}`;
  let facts;
  try {
    facts = await probeMedia(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  recordTrackFacts(db, takeId, relative, track, facts);
  removeSpool(mediaRoot, folder, track.role);
  return track.startOffsetMs + facts.durationMs;
}

/** Points a track's row at its finished file and what it holds. */
export function recordTrackFacts(
  db: StudioDatabase,
  takeId: string,
  relative: string,
  track: FinalizeTrack,
  facts: MediaFacts,
): void {
  db.prepare(
    `UPDATE take_files SET path = ?, container = ?, video_codec = ?, audio_codec = ?, width = ?, height = ?, frame_rate = ?,
       duration_ms = ?, size_bytes = ?, start_offset_ms = ? WHERE take_id = ? AND role = ?`,
  ).run(
    relative,
    facts.container,
    facts.videoCodec,
    facts.audioCodec,
    facts.width,
    facts.height,
    facts.frameRate,
    facts.durationMs,
    facts.sizeBytes,
    track.startOffsetMs,
    takeId,
    track.role,
  );
}

/** The spool goes only once the finished file has been read back. */
export function removeSpool(mediaRoot: string, folder: string, role: TrackRole): void {
  const spool = spoolFilesOf(mediaRoot, folder, role);
  fs.rmSync(spool.part, { force: true });
  fs.rmSync(spool.index, { force: true });
}

/**
 * Once every track is in: a screen video that ends short of the take (a screen that stopped changing sends no frames, so its
 * file ends at the last change, not at Stop) has its last frame held to the take's end, and its facts updated, so
 * every file of the take ends together and preview and render show the last picture to the end. Only the screen:
 * a camera sends frames all the time, so a camera file that ends early was unplugged, and that is where it ends.
 */
export async function holdShortVideos(
  db: StudioDatabase,
  mediaRoot: string,
  takeId: string,
  takeEndMs: number,
): Promise<void> {
  const rows = db
    .prepare(
      "SELECT role, path, start_offset_ms FROM take_files WHERE take_id = ? AND role = 'screen' AND video_codec IS NOT NULL",
    )
    .all(takeId) as { role: TrackRole; path: string; start_offset_ms: number }[];
  for (const row of rows) {
    const fileEndMs = takeEndMs - row.start_offset_ms;
    // The file's duration is its longest track: with the microphone riding in the screen file, the sound reaches
    // Stop while the picture does not, so the video track itself is what holdLastFrameUntil measures.
    const file = path.join(mediaRoot, ...row.path.split('/'));
    if (!(await holdLastFrameUntil(file, fileEndMs / 1000))) continue;
    const facts = await probeMedia(file);
    db.prepare('UPDATE take_files SET duration_ms = ?, size_bytes = ? WHERE take_id = ? AND role = ?').run(
      facts.durationMs,
      facts.sizeBytes,
      takeId,
      row.role,
    );
  }
}
