import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeSubtitles } from '@shared/captions/subtitleFiles';
import { documentChangeSchema } from '@shared/editor/document';
import { burnedCaptions } from '@shared/render/burnedCaptions';
import { recordedTake, setup } from '../testing/libraryFixture';
import { mediaFixture } from '../testing/mediaFixtures';
import { RenderService } from '../render/RenderService';
import { EditorService } from '../editor/EditorService';

const trackId = randomUUID();
const cue = (sourceStart: number, sourceEnd: number, text: string) => ({
  id: randomUUID(),
  trackId,
  sourceStart,
  sourceEnd,
  text,
});

/**
 * "Momentum": a 4 s take with the second 1–2 cut, English captions before, inside and after the cut, and a 3 s
 * render made after those edits (the render is a lavfi clip as long as the edited lesson), with `burnCaptions` one
 * that burned the English captions in.
 */
export async function captionedLesson(options: { burnCaptions?: boolean } = {}) {
  const fixture = setup();
  const take = await recordedTake(fixture, 4);
  const editor = new EditorService(fixture.deps);
  const opened = editor.open({ lessonId: fixture.lesson.id });
  const cues = [cue(200, 900, 'Before the cut'), cue(1200, 1800, 'Inside the cut'), cue(2500, 3500, 'After the cut')];
  const { revision } = editor.apply(
    documentChangeSchema.parse({
      takeId: take.id,
      baseRevision: opened.revision,
      editList: { ...opened.editList, cuts: [{ start: 1000, end: 2000 }] },
      upsertCaptionTracks: [{ id: trackId, label: 'English', srclang: 'en' }],
      upsertCaptionCues: cues,
    }),
  );
  const renders = new RenderService(fixture.deps);
  const { renderId } = renders.start({
    lessonId: fixture.lesson.id,
    takeId: take.id,
    revision,
    label: '720p',
    extension: 'mp4',
    burnedCaptions: options.burnCaptions
      ? { language: 'en', key: burnedCaptions(editor.open({ lessonId: fixture.lesson.id }), 'en')?.key ?? '' }
      : null,
  });
  const renderFile = mediaFixture('mp4', 3);
  renders.write({ renderId, position: 0, data: new Uint8Array(fs.readFileSync(renderFile)) });
  await renders.finish({ renderId });
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-saved-'));
  return { ...fixture, take, editor, cues, revision, renderId, renderFile, outside };
}

/** The captions as learners get them after the cut: the one inside is dropped, the one after moves a second earlier. */
export const expectedSrt = (after = 'After the cut') =>
  `${writeSubtitles(
    [
      { start: 200, end: 900, text: 'Before the cut' },
      { start: 1500, end: 2500, text: after },
    ],
    'srt',
  )}\n`;
