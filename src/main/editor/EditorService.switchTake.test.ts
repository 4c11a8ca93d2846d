import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordedTake, setup } from '../testing/libraryFixture';
import { change, marker } from './editorChanges.testkit';
import { EditorService } from './EditorService';

describe('EditorService: switching the lesson’s take', () => {
  /** The lesson's 3 s take, opened in the editor, then a 2 s take that nobody has opened yet. */
  async function twoTakes() {
    const fixture = setup();
    const editor = new EditorService(fixture.deps);
    const first = await recordedTake(fixture, 3);
    editor.open({ lessonId: fixture.lesson.id });
    const other = await recordedTake(fixture, 2);
    return { ...fixture, editor, first, other, opened: editor.open({ lessonId: fixture.lesson.id }) };
  }

  it('keeps each take’s work with it: switching without copying shows none, switching back shows it again', async () => {
    const { editor, lesson, first, other, opened } = await twoTakes();
    editor.apply(change({ takeId: first.id, baseRevision: opened.revision, upsertMarkers: [marker(1000, 'Intro')] }));

    const switched = editor.switchTake({ takeId: other.id, carryOver: false });
    expect(switched).toMatchObject({ take: { id: other.id, active: true }, carried: 0, flagged: [] });
    expect(editor.open({ lessonId: lesson.id }).markers).toEqual([]);

    editor.switchTake({ takeId: first.id, carryOver: false });
    expect(editor.open({ lessonId: lesson.id }).markers.map((m) => m.title)).toEqual(['Intro']);
  });

  it('copies key moments, callouts and questions by time, flags what lies past the new end, and says so', async () => {
    const { editor, lesson, first, other, opened, deps } = await twoTakes();
    const late = first.durationMs - 100;
    expect(late, 'the first take outlasts the second').toBeGreaterThan(other.durationMs);
    editor.apply(
      change({
        takeId: first.id,
        baseRevision: opened.revision,
        upsertMarkers: [marker(500, 'Intro'), marker(late, 'Summary')],
        upsertCheckpoints: [
          { id: randomUUID(), sourceMs: 800, type: 'trueFalse', prompt: 'Is energy conserved?', answer: true },
        ],
      }),
    );
    const seen: unknown[] = [];
    deps.events.listen((channel) => seen.push(channel));

    const switched = editor.switchTake({ takeId: other.id, carryOver: true });

    expect(switched).toMatchObject({ take: { id: other.id, active: true }, carried: 3 });
    expect(switched.flagged).toEqual([{ kind: 'key moment', name: 'Summary', reason: 'pastTheEnd' }]);
    const moved = editor.open({ lessonId: lesson.id });
    expect(moved.takeId).toBe(other.id);
    expect(moved.revision, 'the copy is one saved step').toBe(1);
    expect(moved.markers.map((m) => [m.title, m.sourceMs])).toEqual([
      ['Intro', 500],
      ['Summary', other.durationMs],
    ]);
    expect(moved.checkpoints.map((c) => [c.prompt, c.sourceMs])).toEqual([['Is energy conserved?', 800]]);
    expect(seen).toEqual(['app:takes.onDidChange', 'app:editor.onDidChange']);

    editor.switchTake({ takeId: first.id, carryOver: false });
    expect(editor.open({ lessonId: lesson.id }).markers, 'the old take keeps its own').toHaveLength(2);
    const again = editor.switchTake({ takeId: other.id, carryOver: true });
    expect(again.carried, 'nothing copied twice').toBe(0);
  });

  it('refuses a take in the trash and changes nothing', async () => {
    const { editor, lesson, first, other, takes } = await twoTakes();
    takes.trash({ id: other.id });
    expect(() => editor.switchTake({ takeId: other.id, carryOver: true })).toThrow(/Restore the recording/);
    expect(editor.open({ lessonId: lesson.id }).takeId).toBe(first.id);
  });
});
