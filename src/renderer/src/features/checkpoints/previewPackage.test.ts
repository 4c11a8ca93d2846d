import { describe, expect, it } from 'vitest';
import { checkpoint } from '@shared/checkpoints/testFixtures';
import { blankDocument } from '@shared/editor/testDocuments.testkit';
import type { TakeFile } from '@shared/media/takes';
import type { Render } from '@shared/media/renders';
import { mediaPathOf } from '@shared/contract/hostProtocol';
import { checkMediaUrl } from '@shared/player/urlPolicy';
import { buildPreview, previewTracks, NOTE_OUT_OF_DATE } from './previewPackage';

function render(n: number, overrides: Partial<Render> = {}): Render {
  const doc = blankDocument();
  return {
    id: `00000000-0000-4000-8000-00000000090${n}`,
    lessonId: doc.lessonId,
    takeId: doc.takeId,
    revision: doc.revision,
    status: 'ready',
    label: '720p',
    path: `p/renders/r${n}.mp4`,
    width: 1280,
    height: 720,
    videoCodec: 'avc1',
    audioCodec: 'mp4a',
    durationMs: 8_000,
    sizeBytes: 1,
    createdAt: 1_000 + n,
    finishedAt: 2_000 + n,
    burnedCaptions: null,
    ...overrides,
  };
}

const file: TakeFile = {
  role: 'screen',
  path: 'p/t/screen.webm',
  container: 'WebM',
  videoCodec: 'vp8',
  audioCodec: 'opus',
  width: 1280,
  height: 720,
  frameRate: 30,
  durationMs: 10_000,
  sizeBytes: 1,
  startOffsetMs: 0,
};

describe('the learner preview package', () => {
  it('plays the take through the edit list, leaving out questions in a cut, and trusts the media origin', () => {
    const doc = blankDocument({
      editList: {
        sourceDuration: 10_000,
        trimStart: 0,
        trimEnd: 10_000,
        cuts: [{ start: 2_000, end: 4_000 }],
        splits: [],
      },
      checkpoints: [
        checkpoint({ type: 'trueFalse', sourceMs: 3_000 }),
        checkpoint({ type: 'trueFalse', sourceMs: 6_000 }),
      ],
    });
    const built = buildPreview({
      doc,
      file,
      title: 'Fractions',
      mediaUrl: (path) => mediaPathOf(path, null),
      pageUrl: 'app://studio/index.html',
    });
    if (!built.ok) throw new Error(built.message);
    expect(built.lesson.media.renditions[0]).toMatchObject({
      src: 'app://studio/media/p/t/screen.webm',
      type: 'video/webm',
    });
    expect(built.lesson.media.sourceEditList?.cuts).toEqual([{ start: 2_000, end: 4_000 }]);
    expect(built.lesson.checkpoints.map((c) => c.lessonMs)).toEqual([4_000]);
  });

  it('resolves the browser host’s relative media path against the page', () => {
    const built = buildPreview({
      doc: blankDocument(),
      file: { ...file, container: 'MP4' },
      title: 'x',
      mediaUrl: (path) => mediaPathOf(path, 't'),
      pageUrl: 'http://127.0.0.1:5000/?#/lesson/1/edit',
    });
    expect(built.ok && built.lesson.media.renditions[0]?.src).toBe(
      'http://127.0.0.1:5000/media/p/t/screen.webm?token=t',
    );
  });

  it('gives media the player lets through on both transports’ pages (one origin, no vouching)', () => {
    for (const [pageUrl, token] of [
      ['app://studio/index.html#/lesson/1/edit', null],
      ['http://127.0.0.1:5000/#/lesson/1/edit', 't'],
    ] as const) {
      const built = buildPreview({
        doc: blankDocument(),
        file,
        title: 'x',
        mediaUrl: (p) => mediaPathOf(p, token),
        pageUrl,
      });
      if (!built.ok) throw new Error(built.message);
      const src = built.lesson.media.renditions[0]?.src ?? '';
      expect(checkMediaUrl(src, 'media', { baseUrl: pageUrl }), pageUrl).toEqual({ ok: true, url: src });
    }
  });

  it('says why when there is nothing to play', () => {
    expect(
      buildPreview({ doc: blankDocument(), file: undefined, title: 'x', mediaUrl: String, pageUrl: 'http://x/' }),
    ).toEqual({ ok: false, message: 'This recording has no video or sound to preview.' });
  });

  it('plays the newest render of the current revision, as exported: no edit list, questions in lesson time', () => {
    const doc = blankDocument({
      editList: {
        sourceDuration: 10_000,
        trimStart: 0,
        trimEnd: 10_000,
        cuts: [{ start: 2_000, end: 4_000 }],
        splits: [],
      },
      checkpoints: [checkpoint({ type: 'trueFalse', sourceMs: 6_000 })],
    });
    const renders = [
      render(1),
      render(2),
      render(3, { revision: doc.revision - 1 }),
      render(4, { status: 'rendering' }),
      render(5, { videoCodec: null, height: 0 }),
    ];
    const built = buildPreview({
      doc,
      file,
      renders,
      title: 'x',
      mediaUrl: (path) => mediaPathOf(path, null),
      pageUrl: 'app://studio/index.html',
    });
    if (!built.ok) throw new Error(built.message);
    expect(built.lesson.media.renditions[0]).toMatchObject({
      src: 'app://studio/media/p/renders/r2.mp4',
      type: 'video/mp4',
      label: '720p',
    });
    expect(built.lesson.media.sourceEditList).toBeUndefined();
    expect(built.lesson.checkpoints.map((c) => c.lessonMs)).toEqual([4_000]);
    expect(built.note).toBeNull();
  });

  it('falls back to the take, with a note only when the latest render is out of date', () => {
    const doc = blankDocument();
    const none = buildPreview({ doc, file, renders: [], title: 'x', mediaUrl: String, pageUrl: 'http://x/' });
    expect(none.ok && none.note).toBeNull();
    const stale = buildPreview({
      doc,
      file,
      renders: [render(1, { revision: doc.revision - 1 })],
      title: 'x',
      mediaUrl: String,
      pageUrl: 'http://x/',
    });
    expect(stale.ok && stale.note).toBe(NOTE_OUT_OF_DATE);
    // The stale render is not used: the take plays, mapped through the edit list.
    expect(stale.ok && stale.lesson.media.sourceEditList).toEqual(doc.editList);
  });

  it('before any render, has the player draw the camera bubble and every callout, none inside a cut', () => {
    const doc = blankDocument({
      editList: {
        sourceDuration: 10_000,
        trimStart: 0,
        trimEnd: 10_000,
        cuts: [{ start: 2_000, end: 4_000 }],
        splits: [],
      },
      callouts: [
        callout('00000000-0000-4000-8000-0000000000c1', 5_000, 6_000, false),
        callout('00000000-0000-4000-8000-0000000000c2', 6_000, 7_000, true),
        callout('00000000-0000-4000-8000-0000000000c3', 2_500, 3_500, true),
      ],
    });
    const camera: TakeFile = { ...file, role: 'camera', path: 'p/t/camera.webm', audioCodec: null, startOffsetMs: 120 };
    const built = buildPreview({
      doc,
      file,
      camera,
      title: 'x',
      mediaUrl: (p) => mediaPathOf(p, null),
      pageUrl: 'app://studio/',
    });
    if (!built.ok) throw new Error(built.message);
    expect(built.lesson.media.camera).toMatchObject({ src: 'app://studio/media/p/t/camera.webm', offsetMs: 120 });
    expect(built.lesson.bubble).toBeDefined();
    // Burned in or not, the player draws them all over an unrendered take, in lesson time; the one in the cut is gone.
    expect(built.lesson.callouts.map((c) => [c.lessonStart, c.lessonEnd])).toEqual([
      [3_000, 4_000],
      [4_000, 5_000],
    ]);
  });

  it('over a current render, draws only the callouts not burned in, and no camera', () => {
    const doc = blankDocument({
      callouts: [
        callout('00000000-0000-4000-8000-0000000000c1', 5_000, 6_000, false),
        callout('00000000-0000-4000-8000-0000000000c2', 6_000, 7_000, true),
      ],
    });
    const camera: TakeFile = { ...file, role: 'camera', path: 'p/t/camera.webm' };
    const built = buildPreview({
      doc,
      file,
      camera,
      renders: [render(1)],
      title: 'x',
      mediaUrl: String,
      pageUrl: 'http://x/',
    });
    if (!built.ok) throw new Error(built.message);
    expect(built.lesson.media.camera).toBeUndefined();
    expect(built.lesson.callouts.map((c) => c.lessonStart)).toEqual([5_000]);
  });

  it('offers the lesson’s captions in lesson time, as a package would, leaving out cues inside a cut', () => {
    const trackId = '00000000-0000-4000-8000-0000000000a1';
    const cue = (n: number, sourceStart: number, sourceEnd: number, text: string) => ({
      id: `00000000-0000-4000-8000-0000000000b${String(n)}`,
      trackId,
      sourceStart,
      sourceEnd,
      text,
    });
    const doc = blankDocument({
      editList: {
        sourceDuration: 10_000,
        trimStart: 0,
        trimEnd: 10_000,
        cuts: [{ start: 2_000, end: 4_000 }],
        splits: [],
      },
      captionTracks: [{ id: trackId, label: 'English', srclang: 'en' }],
      captionCues: [cue(1, 500, 1_500, 'Hello'), cue(2, 2_500, 3_500, 'Cut away'), cue(3, 5_000, 6_000, 'Later')],
    });
    const [track] = previewTracks(doc);
    expect(track).toMatchObject({ label: 'English', srclang: 'en' });
    expect(track?.text).toContain('Hello');
    expect(track?.text).not.toContain('Cut away');
    // 5 s of the take is 3 s of the lesson once the 2 s cut is out.
    expect(track?.text).toMatch(/00:00:03\.000 --> 00:00:04\.000\s+Later/);
    expect(previewTracks(blankDocument())).toEqual([]);

    const built = buildPreview({
      doc,
      file,
      captions: [{ label: 'English', srclang: 'en', src: 'blob:app://studio/1' }],
      title: 'x',
      mediaUrl: (p) => mediaPathOf(p, null),
      pageUrl: 'app://studio/',
    });
    expect(built.ok && built.lesson.media.captions).toEqual([
      { label: 'English', srclang: 'en', src: 'blob:app://studio/1' },
    ]);
  });
});

function callout(id: string, sourceStart: number, sourceEnd: number, burnIn: boolean) {
  return {
    id,
    kind: 'highlight' as const,
    sourceStart,
    sourceEnd,
    box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
    text: '',
    burnIn,
  };
}
