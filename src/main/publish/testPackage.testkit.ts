// Test-only: a frozen snapshot and a fake player folder, so builders can be tested without a build or a library.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { checkpoint } from '@shared/checkpoints/testFixtures';
import { blankDocument, LESSON_ID, TAKE_ID } from '@shared/editor/testDocuments.testkit';
import type { PublishSettings } from '@shared/publish/options';
import type { PlanAssets } from './plan';
import { locateSchemaRoot } from './schemas';
import type { LessonSnapshot, SnapshotNotes } from './snapshot';
import { readSubtitles } from '@shared/captions/subtitleFiles';
import type { CaptionCue } from '@shared/captions/model';

export function tempDir(prefix = 'flipside-publish-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A temporary folder removed when the test that made it finishes. */
export function testDir(): string {
  const made = tempDir();
  onTestFinished(() => fs.rmSync(made, { recursive: true, force: true }));
  return made;
}

export function fakeAssets(dir: string): PlanAssets {
  const playerDir = path.join(dir, 'player');
  fs.mkdirSync(playerDir, { recursive: true });
  fs.writeFileSync(
    path.join(playerDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; connect-src \'self\'; media-src \'self\'"><title>Lesson</title></head><body></body></html>',
  );
  fs.writeFileSync(path.join(playerDir, 'player.js'), 'void 0;');
  fs.writeFileSync(path.join(playerDir, 'player.css'), 'body{}');
  fs.mkdirSync(path.join(playerDir, 'katex', 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(playerDir, 'katex', 'katex.css'), '.katex{}');
  fs.writeFileSync(path.join(playerDir, 'katex', 'fonts', 'KaTeX_Main-Regular.woff2'), 'font');
  return { playerDir, schemaRoot: locateSchemaRoot() };
}

export interface TestCaption {
  readonly label: string;
  readonly srclang: string;
  readonly text: string;
}

export function testSnapshot(
  dir: string,
  settings: Partial<PublishSettings> = {},
  videoBytes = 200_000,
  captions: readonly TestCaption[] = [],
  notes: SnapshotNotes | null = null,
): LessonSnapshot {
  const video = path.join(dir, 'render.mp4');
  fs.writeFileSync(video, Buffer.alloc(videoBytes, 7));
  const now = 1_700_000_000_000;
  const tracks = captions.map((caption, index) => ({
    id: `55555555-5555-4555-8555-${String(index).padStart(12, '0')}`,
    label: caption.label,
    srclang: caption.srclang,
  }));
  const cues: CaptionCue[] = captions.flatMap((caption, index) => {
    const read = readSubtitles(caption.text, 'vtt');
    if (!read.ok) throw new Error(read.message);
    return read.cues.map((cue, at) => ({
      id: `66666666-6666-4666-8666-${String(index * 1000 + at).padStart(12, '0')}`,
      trackId: tracks[index]?.id ?? '',
      sourceStart: cue.start,
      sourceEnd: cue.end,
      text: cue.text,
    }));
  });
  const document = blankDocument({
    captionTracks: tracks,
    captionCues: cues,
    checkpoints: [
      checkpoint({ type: 'trueFalse', sourceMs: 3000, prompt: 'The sky is <blue> & "wide"?', answer: true }),
      checkpoint({
        type: 'numeric',
        sourceMs: 6000,
        prompt: '7 / 2?',
        answer: { kind: 'value', value: 3.5, tolerance: 0 },
      }),
    ],
  });
  const render = {
    id: '33333333-3333-4333-8333-333333333333',
    lessonId: LESSON_ID,
    takeId: TAKE_ID,
    revision: document.revision,
    status: 'ready' as const,
    label: '720p',
    path: 'p/renders/r.mp4',
    width: 1280,
    height: 720,
    videoCodec: 'avc',
    audioCodec: 'aac',
    durationMs: 10_000,
    sizeBytes: videoBytes,
    createdAt: now,
    finishedAt: now,
    burnedCaptions: null,
    file: video,
  };
  return {
    takenAt: now,
    lesson: {
      id: LESSON_ID,
      projectId: '44444444-4444-4444-8444-444444444444',
      title: 'Forces',
      position: 0,
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
    },
    project: {
      id: '44444444-4444-4444-8444-444444444444',
      title: 'Physics',
      description: '',
      lessonCount: 1,
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
    },
    document,
    renders: [render],
    notes,
    layers: null,
    settings: {
      format: 'scorm12',
      video: 'renders',
      renderIds: [render.id],
      title: 'Forces <&> "🎓"',
      description: '',
      language: 'en',
      version: '1.0',
      masteryPercent: 80,
      completion: { minWatchedPercent: 90, requireAllRequiredCheckpoints: true },
      courseScope: 'lesson',
      cartridgeLessons: 'link',
      ...settings,
    },
    lessonUrl: null,
    course: null,
  };
}
