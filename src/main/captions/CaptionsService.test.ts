import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioError } from '@shared/contract/result';
import { LessonsService } from '../library/LessonsService';
import { ProjectsService } from '../library/ProjectsService';
import { setup } from '../testing/libraryFixture';
import { CaptionsService } from './CaptionsService';

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n';

describe('CaptionsService', () => {
  it('stores the file under the project, lists it, and deletes it on remove', () => {
    const fixture = setup();
    const captions = new CaptionsService(fixture.deps);
    const added = captions.add({ lessonId: fixture.lesson.id, label: 'English', srclang: 'en-gb', text: VTT });
    expect(added).toMatchObject({
      label: 'English',
      srclang: 'en-GB',
      path: `${fixture.lesson.projectId}/captions/${added.id}.vtt`,
    });
    const file = path.join(fixture.deps.mediaRoot, ...added.path.split('/'));
    expect(fs.readFileSync(file, 'utf8')).toBe(VTT);
    expect(captions.list({ lessonId: fixture.lesson.id })).toEqual([added]);
    captions.remove({ id: added.id });
    expect(fs.existsSync(file)).toBe(false);
    expect(captions.list({ lessonId: fixture.lesson.id })).toEqual([]);
  });

  it('refuses an invalid file with its line, an empty one, and a second file in the same language', () => {
    const fixture = setup();
    const captions = new CaptionsService(fixture.deps);
    const lessonId = fixture.lesson.id;
    expect(() =>
      captions.add({ lessonId, label: 'English', srclang: 'en', text: 'WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nx' }),
    ).toThrow(/^Line 3: a cue needs a timing line/);
    expect(() => captions.add({ lessonId, label: 'English', srclang: 'en', text: 'WEBVTT\n' })).toThrow(
      'This captions file has no cues',
    );
    captions.add({ lessonId, label: 'English', srclang: 'en', text: VTT });
    const second = () => captions.add({ lessonId, label: 'US English', srclang: 'EN', text: VTT });
    expect(second).toThrow(StudioError);
    expect(second).toThrow(/already has captions in “en”/);
    expect(fs.readdirSync(path.join(fixture.deps.mediaRoot, fixture.lesson.projectId, 'captions'))).toHaveLength(1);
  });

  it('empty trash removes the captions files of a lesson trashed on its own', () => {
    const fixture = setup();
    const captions = new CaptionsService(fixture.deps);
    const lessons = new LessonsService(fixture.deps);
    const kept = lessons.add({ projectId: fixture.lesson.projectId, title: 'Energy' });
    const gone = captions.add({ lessonId: fixture.lesson.id, label: 'English', srclang: 'en', text: VTT });
    const stays = captions.add({ lessonId: kept.id, label: 'English', srclang: 'en', text: VTT });
    lessons.trash({ id: fixture.lesson.id });
    new ProjectsService(fixture.deps).emptyTrash({});
    const exists = (relative: string) => fs.existsSync(path.join(fixture.deps.mediaRoot, ...relative.split('/')));
    expect(exists(gone.path)).toBe(false);
    expect(exists(stays.path)).toBe(true);
    expect(captions.list({ lessonId: kept.id })).toHaveLength(1);
  });
});
