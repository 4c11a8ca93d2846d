import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { recordedTake, setup } from '../testing/libraryFixture';
import { change, marker } from './editorChanges.testkit';
import { EditorService } from './EditorService';

async function editorWithTake() {
  const fixture = setup();
  const take = await recordedTake(fixture, 2);
  return { ...fixture, take, editor: new EditorService(fixture.deps) };
}

describe('EditorService', () => {
  it('refuses to open a lesson that has no take yet, saying what to do', () => {
    const { deps, lesson } = setup();
    expect(() => new EditorService(deps).open({ lessonId: lesson.id })).toThrow(/record or import one first/);
  });

  it('opens the active take keeping all of it, at revision 0', async () => {
    const { editor, lesson, take } = await editorWithTake();
    const document = editor.open({ lessonId: lesson.id });
    expect(document).toMatchObject({ lessonId: lesson.id, takeId: take.id, revision: 0, markers: [], callouts: [] });
    expect(document.editList).toEqual({
      sourceDuration: take.durationMs,
      trimStart: 0,
      trimEnd: take.durationMs,
      cuts: [],
      splits: [],
    });
    expect(document.layout.placement).toEqual({ kind: 'corner', corner: 'bottom-right' });
  });

  it('saves each step and gives it all back on reopening', async () => {
    const { editor, lesson, take, deps } = await editorWithTake();
    const opened = editor.open({ lessonId: lesson.id });
    const intro = marker(100, 'Intro');
    const callout = {
      id: randomUUID(),
      kind: 'highlight' as const,
      sourceStart: 200,
      sourceEnd: 900,
      box: { x: 0.1, y: 0.1, w: 0.3, h: 0.2 },
      text: '',
      burnIn: true,
    };
    const seen: unknown[] = [];
    deps.events.listen((channel, payload) => seen.push([channel, payload]));

    const first = editor.apply(
      change({
        takeId: take.id,
        baseRevision: opened.revision,
        editList: {
          ...opened.editList,
          trimStart: 100,
          cuts: [
            { start: 500, end: 700 },
            { start: 650, end: 800 },
          ],
        },
        upsertMarkers: [intro, marker(1500)],
        removeMarkers: [],
        upsertCallouts: [callout],
        removeCallouts: [],
      }),
    );
    expect(first.revision).toBe(1);
    expect(seen).toContainEqual(['app:editor.onDidChange', { lessonId: lesson.id, takeId: take.id, revision: 1 }]);
    editor.apply(
      change({
        takeId: take.id,
        baseRevision: 1,
        upsertMarkers: [{ ...intro, title: 'Introduction' }],
        removeMarkers: [],
        upsertCallouts: [],
        removeCallouts: [callout.id],
      }),
    );

    const reopened = editor.open({ lessonId: lesson.id });
    expect(reopened.revision).toBe(2);
    expect(reopened.editList.cuts).toEqual([{ start: 500, end: 800 }]);
    expect(reopened.markers.map((each) => each.title)).toEqual(['Introduction', 'Key idea']);
    expect(reopened.callouts).toEqual([]);
  });

  it('moves the picture revision only for changes a render shows, so notes or captions leave renders current', async () => {
    const { editor, lesson, take } = await editorWithTake();
    const opened = editor.open({ lessonId: lesson.id });
    const trackId = randomUUID();
    const notesStep = editor.apply(
      change({
        takeId: take.id,
        baseRevision: opened.revision,
        notes: '# Read this',
        upsertCaptionTracks: [{ id: trackId, label: 'English', srclang: 'en' }],
        upsertMarkers: [marker(100)],
      }),
    );
    expect(editor.open({ lessonId: lesson.id })).toMatchObject({ revision: 1, pictureRevision: 0 });
    editor.apply(
      change({
        takeId: take.id,
        baseRevision: notesStep.revision,
        editList: { ...opened.editList, cuts: [{ start: 500, end: 900 }] },
      }),
    );
    expect(editor.open({ lessonId: lesson.id })).toMatchObject({ revision: 2, pictureRevision: 2 });
  });

  it('refuses a change made on an older revision and writes none of it', async () => {
    const { editor, lesson, take } = await editorWithTake();
    editor.open({ lessonId: lesson.id });
    editor.apply(
      change({
        takeId: take.id,
        baseRevision: 0,
        upsertMarkers: [marker(10)],
        removeMarkers: [],
        upsertCallouts: [],
        removeCallouts: [],
      }),
    );
    expect(() =>
      editor.apply(
        change({
          takeId: take.id,
          baseRevision: 0,
          upsertMarkers: [marker(20)],
          removeMarkers: [],
          upsertCallouts: [],
          removeCallouts: [],
        }),
      ),
    ).toThrow(/changed in another window/);
    expect(editor.open({ lessonId: lesson.id }).markers).toHaveLength(1);
  });

  it('refuses anchors past the end of the recording and edit lists of another length', async () => {
    const { editor, lesson, take } = await editorWithTake();
    const opened = editor.open({ lessonId: lesson.id });
    const base = { takeId: take.id, baseRevision: 0 };
    expect(() => editor.apply(change({ ...base, upsertMarkers: [marker(take.durationMs + 1)] }))).toThrow(
      /within the recording/,
    );
    expect(() =>
      editor.apply(
        change({
          ...base,
          upsertMarkers: [],
          editList: { ...opened.editList, sourceDuration: 99_999, trimEnd: 99_999 },
        }),
      ),
    ).toThrow(/different length/);
  });

  it('refuses, in the contract, a marker without a title, naming the field', () => {
    const parsed = contract.editor.calls.apply.input.safeParse({
      takeId: randomUUID(),
      baseRevision: 0,
      upsertMarkers: [{ id: randomUUID(), sourceMs: 5, title: '  ' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['upsertMarkers', 0, 'title'],
      message: 'A key moment needs a title',
    });
  });

  it('will not move another take’s marker by reusing its id', async () => {
    const fixture = await editorWithTake();
    const { editor, lesson, take, takes } = fixture;
    editor.open({ lessonId: lesson.id });
    const shared = marker(10);
    editor.apply(
      change({
        takeId: take.id,
        baseRevision: 0,
        upsertMarkers: [shared],
        removeMarkers: [],
        upsertCallouts: [],
        removeCallouts: [],
      }),
    );
    const other = await recordedTake(fixture, 2);
    takes.setActive({ id: other.id });
    editor.open({ lessonId: lesson.id });
    expect(() =>
      editor.apply(
        change({
          takeId: other.id,
          baseRevision: 0,
          upsertMarkers: [shared],
          removeMarkers: [],
          upsertCallouts: [],
          removeCallouts: [],
        }),
      ),
    ).toThrow(/belongs to another recording/);
  });
});

describe('EditorService: questions and rules', () => {
  const question = (sourceMs: number) => ({
    id: randomUUID(),
    sourceMs,
    type: 'trueFalse' as const,
    prompt: 'Energy is conserved in a closed system.',
    answer: true,
  });

  it('keeps checkpoint questions and the lesson rules, and gives them back on reopening', async () => {
    const { editor, lesson, take } = await editorWithTake();
    const opened = editor.open({ lessonId: lesson.id });
    expect(opened.rules).toMatchObject({ navigation: 'noSkipAhead', masteryPercent: 80 });
    const first = question(500);
    editor.apply(
      change({
        takeId: take.id,
        baseRevision: 0,
        upsertCheckpoints: [question(1500), first],
        rules: { ...opened.rules, masteryPercent: 70 },
      }),
    );
    editor.apply(change({ takeId: take.id, baseRevision: 1, upsertCheckpoints: [{ ...first, prompt: 'Changed?' }] }));
    const reopened = editor.open({ lessonId: lesson.id });
    expect(reopened.checkpoints.map((each) => [each.sourceMs, each.prompt])).toEqual([
      [500, 'Changed?'],
      [1500, 'Energy is conserved in a closed system.'],
    ]);
    expect(reopened.checkpoints[0]).toMatchObject({ points: 1, required: true, attemptsAllowed: null });
    expect(reopened.rules.masteryPercent).toBe(70);
  });

  it('refuses more than 50 questions in a lesson', async () => {
    const { editor, lesson, take } = await editorWithTake();
    editor.open({ lessonId: lesson.id });
    const many = Array.from({ length: 50 }, (_, index) => question(index * 10));
    editor.apply(change({ takeId: take.id, baseRevision: 0, upsertCheckpoints: many }));
    expect(() =>
      editor.apply(change({ takeId: take.id, baseRevision: 1, upsertCheckpoints: [question(900)] })),
    ).toThrow(/at most 50 questions/);
    expect(editor.open({ lessonId: lesson.id }).checkpoints).toHaveLength(50);
  });

  it('refuses, in the contract, a single-choice question with two right answers', () => {
    const parsed = contract.editor.calls.apply.input.safeParse({
      takeId: randomUUID(),
      baseRevision: 0,
      upsertCheckpoints: [
        {
          id: randomUUID(),
          sourceMs: 0,
          type: 'single',
          prompt: 'Pick one',
          choices: [
            { id: 'a', text: 'A', correct: true },
            { id: 'b', text: 'B', correct: true },
          ],
        },
      ],
    });
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['upsertCheckpoints', 0, 'choices'],
      message: 'Mark exactly one choice as correct',
    });
  });
});
