import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaptionCue } from '../../src/shared/captions/model';
import type { Take } from '../../src/shared/media/takes';
import { rpc, type HostAddress } from './rpc';
import type { HostFixture } from '../fixtures';

const fixtures = path.join(os.tmpdir(), 'flipside-editor-fixtures');

/**
 * Made once per machine with ffmpeg and kept: lavfi test sources, keyframes every second as the recorder makes. Two
 * workers may make the same file at once, so each writes a part of its own and renames only that.
 */
export function mediaFixture(name: string, args: string[]): string {
  fs.mkdirSync(fixtures, { recursive: true });
  const file = path.join(fixtures, name);
  if (!fs.existsSync(file)) {
    const partial = `${file}.${process.pid}.part.mp4`;
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...args, partial]);
    fs.renameSync(partial, file);
  }
  return file;
}

/** 12 s of 640x360 test picture with a 440 Hz tone: the "screen". */
export const screenFixture = () =>
  mediaFixture('screen-12s.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=30',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
    '-t',
    '12',
    '-c:v',
    'libx264',
    '-g',
    '30',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
  ]);

/** 12 s of a 320x240 moving pattern: the "camera". */
export const cameraFixture = () =>
  mediaFixture('camera-12s.mp4', [
    '-f',
    'lavfi',
    '-i',
    'mandelbrot=size=320x240:rate=30',
    '-t',
    '12',
    '-c:v',
    'libx264',
    '-g',
    '30',
    '-pix_fmt',
    'yuv420p',
  ]);

interface Created {
  projectId: string;
  lessonId: string;
  takeId: string;
}

/**
 * A project with one lesson whose take has a screen file and a camera file, sent through the same recording calls
 * the importer makes (the CLI's import takes one file; a take with a camera needs two tracks).
 */
export async function lessonWithTake(
  host: HostFixture,
  files: { screen: string; camera?: string },
  title = 'Fractions',
  /** Adds the lesson to this project instead of a new one. */
  projectId?: string,
): Promise<Created> {
  const project = projectId
    ? { id: projectId }
    : await rpc<{ id: string }>(host, 'app:projects.create', { title: 'Maths' });
  const lesson = await rpc<{ id: string }>(host, 'app:lessons.add', { projectId: project.id, title });
  const take = await addTake(host, lesson.id, files, 'Recording 1');
  return { projectId: project.id, lessonId: lesson.id, takeId: take.id };
}

/**
 * Adds a finished take to a lesson (a screen file, and a camera file if given) through the same recording calls the
 * importer makes; the lesson uses it only if it had none.
 */
export async function addTake(
  host: HostAddress,
  lessonId: string,
  files: { screen: string; camera?: string },
  title = path.basename(files.screen),
): Promise<Take> {
  const tracks = Object.entries(files as Record<string, string | undefined>).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const { takeId } = await rpc<{ takeId: string }>(host, 'app:recordings.start', {
    lessonId,
    origin: 'imported',
    title,
    tracks: tracks.map(([role]) => ({ role, mimeType: 'video/mp4' })),
  });
  const slice = 8 * 1024 * 1024;
  for (const [role, file] of tracks) {
    const bytes = fs.readFileSync(file);
    for (let index = 0; index * slice < bytes.length; index += 1) {
      await rpc(host, 'app:recordings.appendChunk', {
        takeId,
        role,
        index,
        atMs: 0,
        data: new Uint8Array(bytes.subarray(index * slice, (index + 1) * slice)),
      });
    }
  }
  return rpc<Take>(host, 'app:recordings.finish', {
    takeId,
    tracks: tracks.map(([role]) => ({ role, startOffsetMs: 0 })),
  });
}

/** A caption track to seed: its cues as [source start ms, source end ms, text] on the take's clock. */
interface SeededTrack {
  readonly label: string;
  readonly srclang: string;
  readonly cues: readonly (readonly [number, number, string])[];
}

/**
 * Adds caption tracks and their cues to a lesson in one edit, as the captions editor saves them; answers the cues
 * made, with their ids, so a test can edit one later.
 */
export async function addCaptions(
  host: HostAddress,
  lessonId: string,
  tracks: readonly SeededTrack[],
): Promise<CaptionCue[]> {
  const document = await rpc<{ takeId: string; revision: number }>(host, 'app:editor.open', { lessonId });
  const infos = tracks.map((track) => ({ id: randomUUID(), label: track.label, srclang: track.srclang }));
  const cues = tracks.flatMap((track, at) =>
    track.cues.map(([sourceStart, sourceEnd, text]) => ({
      id: randomUUID(),
      trackId: infos[at]?.id ?? '',
      sourceStart,
      sourceEnd,
      text,
    })),
  );
  await rpc(host, 'app:editor.apply', {
    takeId: document.takeId,
    baseRevision: document.revision,
    upsertCaptionTracks: infos,
    upsertCaptionCues: cues,
  });
  return cues;
}
