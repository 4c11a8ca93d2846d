import { describe, expect, it } from 'vitest';
import type { Take } from '@shared/media/takes';
import { ProjectsService } from '../library/ProjectsService';
import { fileNamesUnder, record, setup } from '../testing/libraryFixture';
import { chunksOf, mediaFixture } from '../testing/mediaFixtures';

describe('TakesService', () => {
  it('keeps every take of a lesson, switches the active one, and falls back when the active one is trashed', async () => {
    const { recordings, takes, lesson, clock } = setup();
    const finished: Take[] = [];
    for (let n = 0; n < 2; n += 1) {
      const { takeId } = recordings.start({
        lessonId: lesson.id,
        origin: 'recorded',
        tracks: [{ role: 'screen', mimeType: 'video/webm' }],
      });
      record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), clock);
      finished.push(await recordings.finish({ takeId, tracks: [] }));
    }
    const [first, second] = finished as [Take, Take];
    expect(takes.list({ lessonId: lesson.id, view: 'active' }).map((take) => [take.title, take.active])).toEqual([
      ['Recording 1', true],
      ['Recording 2', false],
    ]);
    takes.setActive({ id: second.id });
    takes.rename({ id: first.id, title: 'First try' });
    expect(takes.list({ lessonId: lesson.id, view: 'active' }).map((take) => [take.title, take.active])).toEqual([
      ['First try', false],
      ['Recording 2', true],
    ]);
    takes.trash({ id: second.id });
    expect(takes.list({ lessonId: lesson.id, view: 'active' }).map((take) => [take.title, take.active])).toEqual([
      ['First try', true],
    ]);
    expect(takes.list({ lessonId: lesson.id, view: 'trash' }).map((take) => take.id)).toEqual([second.id]);
  });

  it('deletes a trashed take and its files for good when the trash is emptied', async () => {
    const { recordings, takes, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), clock);
    await recordings.finish({ takeId, tracks: [] });
    takes.trash({ id: takeId });
    const projects = new ProjectsService(deps);
    expect(projects.trashSummary({})).toEqual({ projects: 0, lessons: 0, takes: 1, projectTitles: [] });
    expect(projects.emptyTrash({})).toEqual({ projects: 0, lessons: 0, takes: 1 });
    expect(fileNamesUnder(deps.mediaRoot)).toEqual([]);
    expect(takes.list({ lessonId: lesson.id, view: 'trash' })).toEqual([]);
  });
});
