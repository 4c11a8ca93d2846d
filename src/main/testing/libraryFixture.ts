import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { contract } from '@shared/contract';
import type { Lesson, Project } from '@shared/library/schemas';
import type { Take, TrackRole } from '@shared/media/takes';
import { EventHub } from '../rpc/eventHub';
import { openDatabase } from '../store/database';
import { LessonsService } from '../library/LessonsService';
import { ProjectsService } from '../library/ProjectsService';
import { RecordingService } from '../recording/RecordingService';
import { TakesService } from '../recording/TakesService';
import { chunksOf, mediaFixture } from './mediaFixtures';
import { tempDir } from './tempStudio';

/** The services on a real library, with a clock the test moves (heartbeats go stale only with time). */
export function setup(dataDir = tempDir()) {
  const clock = { now: 1_000_000 };
  const db = openDatabase(dataDir);
  onTestFinished(() => {
    db.close();
  });
  const deps = { db, events: new EventHub(contract), mediaRoot: path.join(dataDir, 'media'), now: () => clock.now };
  const projects = new ProjectsService(deps);
  const lessons = new LessonsService(deps);
  const project: Project = projects.create({ title: 'Physics', description: '' });
  const lesson: Lesson = lessons.add({ projectId: project.id, title: 'Momentum' });
  return { dataDir, clock, deps, recordings: new RecordingService(deps), takes: new TakesService(deps), lesson };
}

export function record(
  recordings: RecordingService,
  takeId: string,
  role: TrackRole,
  chunks: Uint8Array<ArrayBuffer>[],
  clock: { now: number },
) {
  chunks.forEach((data, index) => {
    clock.now += 1000;
    recordings.appendChunk({ takeId, role, index, atMs: (index + 1) * 1000, data });
  });
}

/** A finished take of a generated WebM, recorded through the real spool. */
export async function recordedTake(fixture: ReturnType<typeof setup>, seconds = 2): Promise<Take> {
  const { takeId } = fixture.recordings.start({
    lessonId: fixture.lesson.id,
    origin: 'recorded',
    tracks: [{ role: 'screen', mimeType: 'video/webm' }],
  });
  record(fixture.recordings, takeId, 'screen', chunksOf(mediaFixture('webm', seconds), 2), fixture.clock);
  return fixture.recordings.finish({ takeId, tracks: [] });
}

/** The names of every file under `dir` (none if it does not exist): what a test expects left on disk. */
export function fileNamesUnder(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
    : [];
}
