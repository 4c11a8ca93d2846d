// Test-only: documents to edit, and fast-check generators of them.
import fc from 'fast-check';
import { DEFAULT_CAMERA_LAYOUT, type Callout, type LessonDocument, type Marker } from './document';
import { lessonRulesSchema } from '../checkpoints/schema';
import { sortCallouts, sortMarkers } from './ordering';

export const LESSON_ID = '11111111-1111-4111-8111-111111111111';
export const TAKE_ID = '22222222-2222-4222-8222-222222222222';

export const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A 10 s take, nothing edited yet. */
export function blankDocument(overrides: Partial<LessonDocument> = {}): LessonDocument {
  return {
    lessonId: LESSON_ID,
    takeId: TAKE_ID,
    revision: 3,
    editList: { sourceDuration: 10_000, trimStart: 0, trimEnd: 10_000, cuts: [], splits: [] },
    layout: DEFAULT_CAMERA_LAYOUT,
    markers: [],
    callouts: [],
    checkpoints: [],
    rules: lessonRulesSchema.parse({}),
    notes: '',
    captionTracks: [],
    captionCues: [],
    ...overrides,
  };
}

export function marker(n: number, sourceMs: number, title = `Moment ${n}`): Marker {
  return { id: idOf(n), sourceMs, title, note: '' };
}

export function callout(n: number, sourceStart: number, sourceEnd: number, kind: Callout['kind'] = 'text'): Callout {
  return {
    id: idOf(100 + n),
    kind,
    sourceStart,
    sourceEnd,
    box: { x: 0.1, y: 0.1, w: 0.3, h: 0.2 },
    text: 'Note',
    burnIn: true,
  };
}

const markerArb = fc.record({
  n: fc.integer({ min: 0, max: 12 }),
  sourceMs: fc.integer({ min: 0, max: 10_000 }),
  title: fc.constantFrom('A', 'B', 'Intro'),
  note: fc.constantFrom('', 'x'),
});
const calloutArb = fc.record({
  n: fc.integer({ min: 0, max: 12 }),
  start: fc.integer({ min: 0, max: 9_000 }),
  length: fc.integer({ min: 1, max: 1_000 }),
  kind: fc.constantFrom<Callout['kind']>('text', 'arrow', 'highlight', 'blur'),
  x: fc.constantFrom(0, 0.25, 0.5),
});

/** Any document of the 10 s take, ids drawn from a small pool so two documents often share items. */
export function documentArb(): fc.Arbitrary<LessonDocument> {
  return fc
    .record({
      markers: fc.uniqueArray(markerArb, { selector: (m) => m.n, maxLength: 6 }),
      callouts: fc.uniqueArray(calloutArb, { selector: (c) => c.n, maxLength: 6 }),
      trimStart: fc.integer({ min: 0, max: 4_000 }),
      cut: fc.option(fc.constant({ start: 5_000, end: 6_000 }), { nil: undefined }),
      size: fc.constantFrom(0.2, 0.3),
    })
    .map(({ markers, callouts, trimStart, cut, size }) =>
      blankDocument({
        editList: { sourceDuration: 10_000, trimStart, trimEnd: 10_000, cuts: cut ? [cut] : [], splits: [] },
        layout: { ...DEFAULT_CAMERA_LAYOUT, size },
        markers: sortMarkers(markers.map((m) => ({ ...marker(m.n, m.sourceMs, m.title), note: m.note }))),
        callouts: sortCallouts(
          callouts.map((c) => ({
            ...callout(c.n, c.start, c.start + c.length, c.kind),
            box: { x: c.x, y: 0.1, w: 0.3, h: 0.2 },
          })),
        ),
      }),
    );
}
