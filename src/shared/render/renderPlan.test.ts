import { describe, expect, it } from 'vitest';
import { blankDocument, callout, idOf, TAKE_ID, LESSON_ID } from '../editor/testDocuments.testkit';
import type { Take, TakeFile } from '../media/takes';
import { planRender, RenderPlanError } from './renderPlan';
import { calloutsAt } from './callouts';
import { sourceTimeOfFrame } from './frameTimes';

const file = (role: TakeFile['role'], changes: Partial<TakeFile> = {}): TakeFile => ({
  role,
  path: `p/${TAKE_ID}/${role}.mp4`,
  container: 'MP4',
  videoCodec: role === 'audio' ? null : 'avc',
  audioCodec: role === 'camera' ? null : 'aac',
  width: role === 'audio' ? null : role === 'camera' ? 320 : 1280,
  height: role === 'audio' ? null : role === 'camera' ? 180 : 720,
  frameRate: role === 'audio' ? null : 30,
  durationMs: 10_000,
  sizeBytes: 1,
  startOffsetMs: 0,
  ...changes,
});
const take = (...files: TakeFile[]): Take => ({
  id: TAKE_ID,
  lessonId: LESSON_ID,
  title: 'Take',
  status: 'ready',
  origin: 'recorded',
  durationMs: 10_000,
  files,
  active: true,
  createdAt: 0,
  updatedAt: 0,
  trashedAt: null,
});
const cut = (start: number, end: number) =>
  blankDocument({
    editList: { sourceDuration: 10_000, trimStart: 500, trimEnd: 10_000, cuts: [{ start, end }], splits: [] },
  });

describe('planRender', () => {
  it('plans the kept ranges, their lesson times, the size, the rate and the packet budgets', () => {
    const plan = planRender(cut(2_000, 3_000), take(file('screen')), 480);
    expect(plan.spans).toEqual([
      { sourceStart: 500, sourceEnd: 2_000, lessonStart: 0 },
      { sourceStart: 3_000, sourceEnd: 10_000, lessonStart: 1_500 },
    ]);
    expect(plan).toMatchObject({
      durationMs: 8_500,
      label: '480p',
      extension: 'mp4',
      audio: { file: { path: `p/${TAKE_ID}/screen.mp4` } },
    });
    expect(plan.video).toMatchObject({ width: 854, height: 480, frameRate: 30, frameCount: 255 });
    expect(plan.video!.maximumPacketCount).toBeGreaterThanOrEqual(255 * 1.33);
    expect(plan.audio!.maximumPacketCount).toBeGreaterThanOrEqual(8.5 * 50 * 1.33);
  });

  it('takes the fast path only for a plain cut of an H.264 screen at its own size', () => {
    expect(planRender(cut(2_000, 3_000), take(file('screen')), 720).fastPath).toEqual({ applies: true });
    expect(planRender(cut(2_000, 3_000), take(file('screen')), 1080).fastPath).toEqual({ applies: true });
    expect(planRender(cut(2_000, 3_000), take(file('screen')), 480).fastPath).toEqual({
      applies: false,
      reason: 'the size changes',
    });
    expect(planRender(cut(2_000, 3_000), take(file('screen', { videoCodec: 'vp8' })), 720).fastPath).toMatchObject({
      applies: false,
      reason: 'the recording is vp8, not H.264',
    });
    expect(planRender(cut(2_000, 3_000), take(file('screen'), file('camera')), 720).fastPath).toMatchObject({
      applies: false,
      reason: 'the camera bubble is drawn in',
    });
    const withCallout = { ...cut(2_000, 3_000), callouts: [callout(1, 4_000, 5_000)] };
    expect(planRender(withCallout, take(file('screen')), 720).fastPath).toMatchObject({
      applies: false,
      reason: 'callouts are burned in',
    });
  });

  it('never copies packets when captions are burned in, and burns the chosen language’s cues on the lesson’s clock', () => {
    const captioned = {
      ...cut(2_000, 3_000),
      captionTracks: [
        { id: idOf(1), label: 'English', srclang: 'en' },
        { id: idOf(2), label: 'Français', srclang: 'fr' },
      ],
      captionCues: [
        { id: idOf(3), trackId: idOf(1), sourceStart: 1_000, sourceEnd: 1_800, text: 'Before the cut' },
        { id: idOf(4), trackId: idOf(1), sourceStart: 2_200, sourceEnd: 2_800, text: 'Inside the cut' },
        { id: idOf(5), trackId: idOf(1), sourceStart: 4_000, sourceEnd: 5_000, text: '<b>After</b> the cut' },
        { id: idOf(6), trackId: idOf(2), sourceStart: 4_000, sourceEnd: 5_000, text: 'Après la coupe' },
      ],
    };
    // The same lesson without the option is copied: only the captions stop it.
    expect(planRender(captioned, take(file('screen')), 720).fastPath).toEqual({ applies: true });
    const plan = planRender(captioned, take(file('screen')), 720, { burnCaptions: 'en' });
    expect(plan.fastPath).toEqual({ applies: false, reason: 'captions are burned in' });
    expect(plan.captions).toMatchObject({
      language: 'en',
      label: 'English',
      cues: [
        { start: 500, end: 1_300, text: 'Before the cut' },
        { start: 2_500, end: 3_500, text: 'After the cut' },
      ],
    });
    expect(() => planRender(captioned, take(file('screen')), 720, { burnCaptions: 'de' })).toThrow(
      'no captions in “de”',
    );
    // Audio has no picture to burn them into.
    expect(planRender(captioned, take(file('screen')), 0, { burnCaptions: 'en' }).captions).toBeNull();
  });

  it('draws the bubble from the layout where it is not hidden, and skips it when hidden throughout', () => {
    const document = {
      ...cut(2_000, 3_000),
      layout: { ...blankDocument().layout, hidden: [{ start: 4_000, end: 5_000 }] },
    };
    const plan = planRender(document, take(file('screen'), file('camera', { startOffsetMs: 40 })), 720);
    expect(plan.bubble).toMatchObject({
      camera: { offsetMs: 40 },
      shown: [
        { start: 0, end: 2_500 },
        { start: 3_500, end: 8_500 },
      ],
    });
    expect(plan.bubble!.rect).toMatchObject({ width: 282, height: 282 });
    const hiddenAll = { ...document, layout: { ...document.layout, hidden: [{ start: 0, end: 10_000 }] } };
    expect(planRender(hiddenAll, take(file('screen'), file('camera')), 720)).toMatchObject({
      bubble: null,
      fastPath: { applies: true },
    });
  });

  it('burns in callouts that play, in lesson time and output pixels, blurs first', () => {
    const document = {
      ...cut(2_000, 3_000),
      callouts: [
        callout(1, 1_000, 2_500),
        { ...callout(2, 2_200, 2_800), burnIn: true },
        callout(3, 6_000, 7_000, 'blur'),
        { ...callout(4, 0, 9_000), burnIn: false },
      ],
    };
    const plan = planRender(document, take(file('screen')), 360);
    expect(plan.callouts.map((c) => [c.kind, c.lessonStart, c.lessonEnd])).toEqual([
      ['blur', 4_500, 5_500],
      ['text', 500, 1_500],
    ]);
    expect(plan.callouts[1]).toMatchObject({ x: 64, y: 36, w: 192, h: 72 });
    expect(calloutsAt(plan.callouts, 5_000).map((c) => c.kind)).toEqual(['blur']);
  });

  it('renders audio only to m4a, and refuses what the take cannot give', () => {
    expect(planRender(cut(2_000, 3_000), take(file('screen')), 0)).toMatchObject({
      extension: 'm4a',
      video: null,
      label: 'Audio only',
    });
    expect(() => planRender(cut(2_000, 3_000), take(file('screen', { audioCodec: null })), 0)).toThrow(RenderPlanError);
    expect(() => planRender(cut(2_000, 3_000), take(file('audio')), 720)).toThrow('only “Audio only”');
  });

  it('takes the microphone from the camera file when the screen has no sound', () => {
    const plan = planRender(
      cut(2_000, 3_000),
      take(file('screen', { audioCodec: null }), file('camera', { audioCodec: 'opus', startOffsetMs: 25 })),
      720,
    );
    expect(plan.audio?.file).toEqual({ path: `p/${TAKE_ID}/camera.mp4`, offsetMs: 25 });
  });
});

describe('sourceTimeOfFrame', () => {
  it('samples each output frame in its middle, jumping the cut', () => {
    const spans = [
      { sourceStart: 0, sourceEnd: 1_000, lessonStart: 0 },
      { sourceStart: 2_000, sourceEnd: 3_000, lessonStart: 1_000 },
    ];
    expect(sourceTimeOfFrame(spans, 2_000, 10, 0)).toBe(50);
    expect(sourceTimeOfFrame(spans, 2_000, 10, 9)).toBe(950);
    expect(sourceTimeOfFrame(spans, 2_000, 10, 10)).toBe(2_050);
    expect(sourceTimeOfFrame(spans, 2_000, 10, 19)).toBe(2_950);
  });
});
