import { describe, expect, it } from 'vitest';
import { checkpoint } from '../checkpoints/testFixtures';
import { blankDocument, marker } from '../editor/testDocuments.testkit';
import { buildLessonPackage } from './lessonPackage';
import { forWatching } from './watching';

describe('forWatching', () => {
  const document = blankDocument({
    editList: {
      sourceDuration: 10_000,
      trimStart: 0,
      trimEnd: 10_000,
      cuts: [{ start: 2_000, end: 4_000 }],
      splits: [],
    },
    markers: [marker(1, 5_000, 'Newton')],
  });
  const lesson = buildLessonPackage({
    title: 'Forces',
    language: 'en',
    document,
    checkpoints: [checkpoint({ type: 'trueFalse', sourceMs: 6_000, required: true })],
    rules: { ...document.rules, navigation: 'noSkipAhead' },
    media: { renditions: [{ label: 'Preview', src: 'https://example.test/a.mp4', type: 'video/mp4' }], captions: [] },
    preview: true,
  });

  it('drops the questions and lets the teacher seek anywhere', () => {
    const watched = forWatching(lesson);
    expect(watched.checkpoints).toEqual([]);
    expect(watched.rules.navigation).toBe('free');
  });

  it('keeps the edited picture: the cuts, the length and the key moments', () => {
    const watched = forWatching(lesson);
    expect(watched.durationMs).toBe(8_000);
    expect(watched.media.sourceEditList?.cuts).toEqual([{ start: 2_000, end: 4_000 }]);
    expect(watched.chapters.map((chapter) => [chapter.title, chapter.lessonMs])).toEqual([['Newton', 3_000]]);
    expect(lesson.checkpoints).toHaveLength(1);
  });
});
