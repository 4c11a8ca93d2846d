import { describe, expect, it } from 'vitest';
import { checkpoint, rules } from '../checkpoints/testFixtures';
import { blankDocument, marker } from '../editor/testDocuments.testkit';
import { scoreAnswer } from '../checkpoints/scoring';
import { shownAnswer } from '../checkpoints/shownAnswer';
import { buildLessonPackage, lessonPackageSchema, sealLessonPackage, type BuildLessonInput } from './lessonPackage';

const media = {
  renditions: [{ label: '720p', src: 'media/lesson-720.mp4', type: 'video/mp4', width: 1280, height: 720 }],
  captions: [],
};

function input(overrides: Partial<BuildLessonInput> = {}): BuildLessonInput {
  return {
    title: 'Forces',
    language: 'en',
    document: blankDocument(),
    checkpoints: [],
    rules: rules(),
    media,
    ...overrides,
  };
}

describe('buildLessonPackage', () => {
  it('places chapters and checkpoints in lesson time and leaves out what a cut removed', () => {
    const document = blankDocument({
      editList: {
        sourceDuration: 10_000,
        trimStart: 1_000,
        trimEnd: 10_000,
        cuts: [{ start: 4_000, end: 6_000 }],
        splits: [],
      },
      markers: [marker(1, 7_000, 'Later'), marker(2, 2_000, 'Start'), marker(3, 5_000, 'Cut away')],
    });
    const kept = checkpoint({ type: 'single', sourceMs: 8_000 });
    const cut = checkpoint({ type: 'numeric', sourceMs: 4_500 });
    const lesson = buildLessonPackage(input({ document, checkpoints: [kept, cut] }));
    expect(lesson.durationMs).toBe(7_000);
    expect(lesson.chapters.map((chapter) => [chapter.title, chapter.lessonMs])).toEqual([
      ['Start', 1_000],
      ['Later', 4_000],
    ]);
    expect(lesson.checkpoints.map((c) => [c.id, c.lessonMs, c.rewatchMs])).toEqual([[kept.id, 5_000, 4_000]]);
    expect(lesson.media.sourceEditList).toBeUndefined();
    expect(lesson.id).toBe(document.lessonId);
  });

  it('resolves an explicit rewatch time through the edit list, and "none" to null', () => {
    const document = blankDocument({
      editList: { sourceDuration: 10_000, trimStart: 2_000, trimEnd: 10_000, cuts: [], splits: [] },
    });
    const explicit = checkpoint({
      type: 'trueFalse',
      sourceMs: 9_000,
      rewatchFrom: { kind: 'sourceMs', sourceMs: 5_000 },
    });
    const none = checkpoint({ type: 'trueFalse', sourceMs: 9_500, rewatchFrom: { kind: 'none' } });
    const lesson = buildLessonPackage(input({ document, checkpoints: [none, explicit] }));
    expect(lesson.checkpoints.map((c) => c.rewatchMs)).toEqual([null, 3_000]);
  });

  it('carries the edit list only for the preview', () => {
    const lesson = buildLessonPackage(input({ preview: true }));
    expect(lesson.media.sourceEditList?.trimEnd).toBe(10_000);
  });

  it('round-trips through JSON and the schema unchanged', () => {
    const lesson = buildLessonPackage(input({ checkpoints: [checkpoint({ type: 'shortAnswer', sourceMs: 3_000 })] }));
    expect(lessonPackageSchema.parse(JSON.parse(JSON.stringify(lesson)))).toEqual(lesson);
  });

  it('refuses what no player could play', () => {
    expect(() => buildLessonPackage(input({ language: 'not a tag' }))).toThrow();
    expect(() => buildLessonPackage(input({ media: { renditions: [], captions: [] } }))).toThrow();
  });
});

describe('lessonPackageSchema', () => {
  const valid = () =>
    JSON.parse(
      JSON.stringify(buildLessonPackage(input({ checkpoints: [checkpoint({ type: 'single', sourceMs: 1_000 })] }))),
    ) as Record<string, unknown>;

  it('refuses a newer format, duplicate checkpoints and points past the end', () => {
    expect(lessonPackageSchema.safeParse({ ...valid(), formatVersion: 2 }).success).toBe(false);
    const lesson = valid();
    const list = lesson.checkpoints as unknown[];
    expect(lessonPackageSchema.safeParse({ ...lesson, checkpoints: [list[0], list[0]] }).success).toBe(false);
    expect(lessonPackageSchema.safeParse({ ...lesson, durationMs: 500 }).success).toBe(false);
  });

  it('refuses a checkpoint that is not a valid checkpoint', () => {
    const lesson = valid();
    const [first] = lesson.checkpoints as Record<string, unknown>[];
    expect(lessonPackageSchema.safeParse({ ...lesson, checkpoints: [{ ...first, choices: [] }] }).success).toBe(false);
    expect(lessonPackageSchema.safeParse({ ...lesson, checkpoints: [{ ...first, lessonMs: -1 }] }).success).toBe(false);
  });
});

describe('the sealed answer key of an export', () => {
  const questions = [
    checkpoint({
      type: 'single',
      sourceMs: 1000,
      choices: [
        { id: 'a', text: 'Friction', correct: false },
        { id: 'b', text: 'Gravity', correct: true, feedback: 'Yes' },
      ],
    }),
    checkpoint({ type: 'trueFalse', sourceMs: 2000, answer: false }),
    checkpoint({ type: 'shortAnswer', sourceMs: 3000, accepted: ['Paris', 'Ville Lumière'] }),
    checkpoint({ type: 'numeric', sourceMs: 4000, answer: { kind: 'value', value: 3.5, tolerance: 0 } }),
  ];
  const plain = buildLessonPackage(input({ checkpoints: questions }));

  it('stores no correct flag, true/false answer or accepted text, only hashes; numbers stay readable', () => {
    const stored = JSON.stringify(sealLessonPackage(plain, '0123456789abcdef'));
    expect(stored).not.toMatch(/"correct"|"answer":false|"accepted"|Paris|Lumi/);
    expect(stored).toContain('"answer":{"kind":"value","value":3.5');
    expect(stored).toContain('"keySalt":"0123456789abcdef"');
  });

  it('opens to the same lesson for choices and true/false, and scores short answers through the key', () => {
    const opened = lessonPackageSchema.parse(JSON.parse(JSON.stringify(sealLessonPackage(plain, 'feedc0de'))));
    const [single, trueFalse, short, numeric] = opened.checkpoints;
    expect(single).toEqual(plain.checkpoints[0]);
    expect(trueFalse).toEqual(plain.checkpoints[1]);
    expect(numeric).toEqual(plain.checkpoints[3]);
    if (!short || short.type !== 'shortAnswer') throw new Error('fixture');
    expect(short.accepted).toEqual([]);
    for (const [text, correct] of [
      ['paris', true],
      ['  PARIS ', true],
      ['ville lumiere', true],
      ['Lyon', false],
      ['', false],
    ] as const)
      expect(scoreAnswer(short, { type: 'shortAnswer', text }).correct, text).toBe(correct);
  });

  it('carries one accepted short answer in clear only when the teacher reveals it after the last attempt', () => {
    const revealed = checkpoint({
      type: 'shortAnswer',
      sourceMs: 3000,
      accepted: ['Paris', 'Ville Lumière'],
      attemptsAllowed: 2,
      revealAnswer: true,
    });
    const sealed = sealLessonPackage(buildLessonPackage(input({ checkpoints: [revealed] })), 'feedc0de');
    const stored = JSON.stringify(sealed);
    expect(stored).toContain('"shownAnswer":"Paris"');
    expect(stored).not.toMatch(/Lumi|"accepted"/);
    const [short] = lessonPackageSchema.parse(JSON.parse(stored)).checkpoints;
    if (!short || short.type !== 'shortAnswer') throw new Error('fixture');
    expect(shownAnswer(short)).toEqual({ kind: 'text', text: 'Paris' });
    expect(scoreAnswer(short, { type: 'shortAnswer', text: 'ville lumiere' }).correct).toBe(true);
    const [hidden] = lessonPackageSchema
      .parse(JSON.parse(JSON.stringify(sealLessonPackage(plain, 'a1b2c3d4'))))
      .checkpoints.filter((question) => question.type === 'shortAnswer');
    expect(hidden && shownAnswer(hidden)).toBeNull();
  });

  it('hashes the same answer differently with another salt or in another question', () => {
    const one = sealLessonPackage(plain, 'aaaaaaaa').checkpoints[1];
    const two = sealLessonPackage(plain, 'bbbbbbbb').checkpoints[1];
    expect(one && 'key' in one ? one.key : null).not.toEqual(two && 'key' in two ? two.key : null);
  });

  it('refuses a sealed checkpoint without its salt', () => {
    const { keySalt: _salt, ...unsalted } = sealLessonPackage(plain, 'feedc0de');
    expect(lessonPackageSchema.safeParse(unsalted).success).toBe(false);
  });
});
