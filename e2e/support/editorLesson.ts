import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeWire, encodeWire } from '../../src/shared/contract/wire';
import type { HostFixture } from '../fixtures';

/** One call over the browser host's rpc, with the token, as the renderer makes it. */
export async function rpc<T>(host: HostFixture, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/rpc/app:${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flipside-token': host.token },
    body: encodeWire(input),
  });
  const body = decodeWire(await response.text()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
  return body.value;
}

const fixtures = path.join(os.tmpdir(), 'flipside-editor-fixtures');

/** Made once per machine with ffmpeg and kept: lavfi test sources, keyframes every second as the recorder makes. */
export function mediaFixture(name: string, args: string[]): string {
  fs.mkdirSync(fixtures, { recursive: true });
  const file = path.join(fixtures, name);
  if (!fs.existsSync(file)) {
    const partial = `${file}.part.mp4`;
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
    : await rpc<{ id: string }>(host, 'projects.create', { title: 'Maths' });
  const lesson = await rpc<{ id: string }>(host, 'lessons.add', { projectId: project.id, title });
  const takeId = await addTake(host, lesson.id, files, 'Recording 1');
  return { projectId: project.id, lessonId: lesson.id, takeId };
}

/** Adds a finished take to a lesson, as the importer sends one; the lesson uses it only if it had none. */
export async function addTake(
  host: HostFixture,
  lessonId: string,
  files: { screen: string; camera?: string },
  title: string,
): Promise<string> {
  const tracks = Object.entries(files).map(([role, file]) => ({ role, file }));
  const { takeId } = await rpc<{ takeId: string }>(host, 'recordings.start', {
    lessonId,
    origin: 'imported',
    title,
    tracks: tracks.map(({ role }) => ({ role, mimeType: 'video/mp4' })),
  });
  const slice = 16 * 1024 * 1024;
  for (const { role, file } of tracks) {
    const bytes = fs.readFileSync(file);
    for (let index = 0; index * slice < bytes.length; index += 1) {
      await rpc(host, 'recordings.appendChunk', {
        takeId,
        role,
        index,
        atMs: 0,
        data: new Uint8Array(bytes.subarray(index * slice, (index + 1) * slice)),
      });
    }
  }
  await rpc(host, 'recordings.finish', { takeId, tracks: tracks.map(({ role }) => ({ role, startOffsetMs: 0 })) });
  return takeId;
}
