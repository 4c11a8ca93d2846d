import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentChangeSchema } from '@shared/editor/document';
import { recordedTake, setup } from '../testing/libraryFixture';
import { EditorService } from './EditorService';

async function opened() {
  const fixture = setup();
  const take = await recordedTake(fixture, 2);
  const editor = new EditorService(fixture.deps);
  const doc = editor.open({ lessonId: fixture.lesson.id });
  return { ...fixture, take, editor, doc };
}

describe('EditorService: notes and captions', () => {
  it('saves notes per lesson and caption cues per take, and gives them back in order', async () => {
    const { editor, doc, lesson, take } = await opened();
    const track = { id: randomUUID(), label: 'English', srclang: 'en' };
    const late = { id: randomUUID(), trackId: track.id, sourceStart: 900, sourceEnd: 1500, text: 'second' };
    const early = {
      id: randomUUID(),
      trackId: track.id,
      sourceStart: 100,
      sourceEnd: 800,
      text: 'first',
      words: [{ text: 'first', start: 120, end: 700 }],
    };
    editor.apply(
      documentChangeSchema.parse({
        takeId: take.id,
        baseRevision: doc.revision,
        notes: '# Reading\n\n<KeyMoment at="0:01" />',
        upsertCaptionTracks: [track],
        upsertCaptionCues: [late, early],
      }),
    );
    const again = editor.open({ lessonId: lesson.id });
    expect(again.notes).toBe('# Reading\n\n<KeyMoment at="0:01" />');
    expect(again.captionTracks).toEqual([track]);
    expect(again.captionCues).toEqual([early, late]);
  });

  it('removes a track with its cues, and refuses a second track of one language or a cue outside the take', async () => {
    const { editor, doc, lesson, take } = await opened();
    const track = { id: randomUUID(), label: 'English', srclang: 'en' };
    const cue = { id: randomUUID(), trackId: track.id, sourceStart: 0, sourceEnd: 500, text: 'hi' };
    const { revision } = editor.apply(
      documentChangeSchema.parse({
        takeId: take.id,
        baseRevision: doc.revision,
        upsertCaptionTracks: [track],
        upsertCaptionCues: [cue],
      }),
    );
    expect(() =>
      editor.apply(
        documentChangeSchema.parse({
          takeId: take.id,
          baseRevision: revision,
          upsertCaptionTracks: [{ id: randomUUID(), label: 'Also English', srclang: 'EN' }],
        }),
      ),
    ).toThrow(/already has captions in “EN”/);
    expect(() =>
      editor.apply(
        documentChangeSchema.parse({
          takeId: take.id,
          baseRevision: revision,
          upsertCaptionCues: [
            { ...cue, id: randomUUID(), sourceStart: take.durationMs + 10, sourceEnd: take.durationMs + 99 },
          ],
        }),
      ),
    ).toThrow(/must fall within the recording/);
    expect(() =>
      editor.apply(
        documentChangeSchema.parse({
          takeId: take.id,
          baseRevision: revision,
          upsertCaptionCues: [{ ...cue, trackId: randomUUID() }],
        }),
      ),
    ).toThrow(/track this take does not have/);
    editor.apply(
      documentChangeSchema.parse({ takeId: take.id, baseRevision: revision, removeCaptionTracks: [track.id] }),
    );
    const after = editor.open({ lessonId: lesson.id });
    expect(after.captionTracks).toEqual([]);
    expect(after.captionCues).toEqual([]);
  });
});
