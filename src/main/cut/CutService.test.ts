import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CutPiece } from '@shared/contract/cuts';
import { documentChangeSchema } from '@shared/editor/document';
import type { EditList } from '@shared/timeline';
import { EditorService } from '../editor/EditorService';
import { JobRegistry } from '../jobs/JobRegistry';
import { TakeRows } from '../recording/takeRows';
import { record, setup } from '../testing/libraryFixture';
import { ffprobeDuration } from '../testing/mediaFixtures';
import { tempDir } from '../testing/tempStudio';
import { CutService } from './CutService';
import { decodesCleanly, encodeWithFfmpeg, frameHashes, framesOf, psnr, recording } from './cutMedia.testkit';
import { findLayers } from './layers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cut-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function lessonWith(editList: (duration: number) => EditList, screenX264: string[] = []) {
  const fixture = setup(tempDir());
  const screen = recording(dir, `screen-${Math.random()}.mp4`, 'testsrc2=size=320x180', true, screenX264);
  const camera = recording(dir, `camera-${Math.random()}.mp4`, 'testsrc=size=160x120', false);
  const { takeId } = fixture.recordings.start({
    lessonId: fixture.lesson.id,
    origin: 'recorded',
    tracks: [
      { role: 'screen', mimeType: 'video/mp4' },
      { role: 'camera', mimeType: 'video/mp4' },
    ],
  });
  record(fixture.recordings, takeId, 'screen', [new Uint8Array(fs.readFileSync(screen))], fixture.clock);
  record(fixture.recordings, takeId, 'camera', [new Uint8Array(fs.readFileSync(camera))], fixture.clock);
  const take = await fixture.recordings.finish({ takeId, tracks: [] });
  const editor = new EditorService(fixture.deps);
  const document = editor.open({ lessonId: fixture.lesson.id });
  editor.apply(
    documentChangeSchema.parse({ takeId, baseRevision: document.revision, editList: editList(take.durationMs) }),
  );
  const rows = new TakeRows(fixture.deps.db);
  const cuts = new CutService({
    events: fixture.deps.events,
    mediaRoot: fixture.deps.mediaRoot,
    jobs: new JobRegistry(),
    openDocument: (lessonId) => editor.open({ lessonId }),
    take: (id) => rows.take(id),
    renderPart: () => {
      throw new Error('no renders here');
    },
  });
  return { ...fixture, cuts, editor, take, screen, camera };
}

const cutsAt =
  (...cuts: [number, number][]) =>
  (duration: number): EditList => ({
    sourceDuration: duration,
    trimStart: 0,
    trimEnd: duration,
    cuts: cuts.map(([start, end]) => ({ start, end })),
    splits: [],
  });

/** Hands back every piece of a prepared cut re-encoded, as the page would after encoding them with WebCodecs. */
async function supplyAll(
  lesson: Awaited<ReturnType<typeof lessonWith>>,
  prepared: { readonly cutId: string; readonly pieces: readonly CutPiece[] },
): Promise<void> {
  for (const piece of prepared.pieces) {
    const source = piece.role === 'screen' ? lesson.screen : lesson.camera;
    lesson.cuts.supply(await encodeWithFfmpeg(dir, source, piece, prepared.cutId, prepared.pieces));
  }
}

describe('CutService', () => {
  it('copies the kept parts of screen and camera without re-encoding when every cut is on a keyframe', async () => {
    const lesson = await lessonWith(cutsAt([1000, 2000], [4000, 5000]));
    const prepared = await lesson.cuts.prepare({ kind: 'layers', lessonId: lesson.lesson.id });
    if (prepared.state !== 'cut') throw new Error(`not cut: ${JSON.stringify(prepared)}`);
    expect(prepared.pieces).toEqual([]);
    expect(prepared.durationMs).toBe(lesson.take.durationMs - 2000);
    const outcome = await lesson.cuts.run({ cutId: prepared.cutId });
    expect(outcome).toMatchObject({ method: 'copy', reencodedFrames: 0, sound: 'copied' });

    const document = lesson.editor.open({ lessonId: lesson.lesson.id });
    const layers = findLayers(lesson.deps.mediaRoot, document, lesson.take);
    expect(layers?.files.map((file) => [file.role, file.videoCodec, file.audioCodec])).toEqual([
      ['lesson', 'avc', 'opus'],
      ['camera', 'avc', null],
    ]);
    const file = (role: string) =>
      path.join(lesson.deps.mediaRoot, ...(layers?.files.find((f) => f.role === role)?.path ?? '').split('/'));
    expect(ffprobeDuration(file('lesson'))).toBeCloseTo(4, 1);
    expect(framesOf(file('lesson'))).toBe(120);
    expect(framesOf(file('camera'))).toBe(120);
    expect(frameHashes(file('lesson'))).toEqual(
      frameHashes(lesson.screen, [
        [0, 30],
        [60, 120],
        [150, 180],
      ]),
    );
    expect(frameHashes(file('camera'))).toEqual(
      frameHashes(lesson.camera, [
        [0, 30],
        [60, 120],
        [150, 180],
      ]),
    );
    await expect(lesson.cuts.prepare({ kind: 'layers', lessonId: lesson.lesson.id })).resolves.toEqual({
      state: 'ready',
    });
  });

  it('re-encodes only the frames before each kept part’s first keyframe, and copies the rest exactly', async () => {
    // Kept: 0–1.5 s (frames 0–44), 2.1–4 s (63–119: 63–89 before the keyframe at 90), 4.517 s on (136–179).
    const lesson = await lessonWith(cutsAt([1500, 2100], [4000, 4517]));
    const prepared = await lesson.cuts.prepare({ kind: 'layers', lessonId: lesson.lesson.id });
    if (prepared.state !== 'cut') throw new Error(`not cut: ${JSON.stringify(prepared)}`);
    expect(prepared.pieces.map((piece) => [piece.role, piece.frames.length, piece.keepFrom])).toEqual([
      ['screen', 27, 3],
      ['screen', 14, 16],
      ['camera', 27, 3],
      ['camera', 14, 16],
    ]);
    expect(prepared.pieces[0]?.frames[0]?.timestamp).toBeCloseTo(1.5, 1);
    await expect(lesson.cuts.run({ cutId: prepared.cutId })).rejects.toThrow(/not been re-encoded/);
    await supplyAll(lesson, prepared);
    const outcome = await lesson.cuts.run({ cutId: prepared.cutId });
    expect(outcome).toMatchObject({ method: 'smart', reencodedFrames: 82, sound: 'copied' });

    const layers = findLayers(lesson.deps.mediaRoot, lesson.editor.open({ lessonId: lesson.lesson.id }), lesson.take);
    const file = (role: string) =>
      path.join(lesson.deps.mediaRoot, ...(layers?.files.find((f) => f.role === role)?.path ?? '').split('/'));
    const keep: [number, number][] = [
      [0, 45],
      [63, 120],
      [136, 180],
    ];
    for (const [role, source] of [
      ['lesson', lesson.screen],
      ['camera', lesson.camera],
    ] as const) {
      expect(decodesCleanly(file(role)), role).toBe(true);
      const hashes = frameHashes(file(role));
      const expected = frameHashes(source, keep);
      expect(hashes).toHaveLength(146);
      // Copied stretches are the recording's own frames; re-encoded ones are close to them.
      expect(hashes.slice(0, 45)).toEqual(expected.slice(0, 45));
      expect(hashes.slice(72, 102)).toEqual(expected.slice(72, 102));
      expect(hashes.slice(116)).toEqual(expected.slice(116));
      expect(psnr(file(role), source, keep)).toBeGreaterThan(35);
    }
  });

  it('says before any cut whether the take can be published as it is: not with frames stored out of order', async () => {
    const good = await lessonWith(cutsAt([1500, 2100]));
    await expect(good.cuts.problem(good.lesson.id)).resolves.toBeNull();
    const reordered = await lessonWith(cutsAt([1500, 2100]), ['-profile:v', 'main', '-bf', '2']);
    await expect(reordered.cuts.problem(reordered.lesson.id)).resolves.toBe(
      'the screen recording reorders frames (B-frames)',
    );
  });

  it('refuses a recording that stores frames out of order, saying why', async () => {
    const lesson = await lessonWith(cutsAt([1500, 2100]), ['-profile:v', 'main', '-bf', '2']);
    await expect(lesson.cuts.prepare({ kind: 'layers', lessonId: lesson.lesson.id })).resolves.toEqual({
      state: 'refused',
      reason: 'the recording reorders frames (B-frames)',
    });
  });

  it('leaves nothing behind when cancelled before or while writing', async () => {
    const lesson = await lessonWith(cutsAt([1500, 2100]));
    const takeDir = path.dirname(path.join(lesson.deps.mediaRoot, ...(lesson.take.files[0]?.path ?? '').split('/')));
    const before = fs.readdirSync(takeDir).sort();
    const waiting = await lesson.cuts.prepare({ kind: 'layers', lessonId: lesson.lesson.id });
    if (waiting.state !== 'cut') throw new Error('not cut');
    lesson.cuts.cancel({ cutId: waiting.cutId });
    expect(() => lesson.cuts.supply({ cutId: waiting.cutId, index: 0, packets: [] })).toThrow(/not open/);
    expect(fs.readdirSync(takeDir).sort()).toEqual(before);

    const running = await lesson.cuts.prepare({ kind: 'layers', lessonId: lesson.lesson.id });
    if (running.state !== 'cut') throw new Error('not cut');
    await supplyAll(lesson, running);
    const run = lesson.cuts.run({ cutId: running.cutId });
    lesson.cuts.cancel({ cutId: running.cutId });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(fs.readdirSync(takeDir).sort()).toEqual(before);
  });
});
