import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import type { CutPiece, EncodedPiece } from '@shared/contract/cuts';
import { documentChangeSchema } from '@shared/editor/document';
import type { EditList } from '@shared/timeline';
import { EditorService } from '../editor/EditorService';
import { JobRegistry } from '../jobs/JobRegistry';
import { TakeRows } from '../recording/takeRows';
import { record, setup } from '../testing/libraryFixture';
import { ffprobeDuration } from '../testing/mediaFixtures';
import { tempDir } from '../testing/tempStudio';
import { CutService } from './CutService';
import { findLayers } from './layers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cut-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SECONDS = 6;

const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);

/** What Chromium's MediaRecorder makes: fragmented MP4, Baseline H.264 without B-frames, a keyframe every second. */
function recording(name: string, source: string, audio: boolean, x264: string[] = []): string {
  const file = path.join(dir, name);
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    `${source}:rate=30:duration=${SECONDS}`,
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`] : []),
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-g',
    '30',
    '-keyint_min',
    '30',
    '-sc_threshold',
    '0',
    '-b:v',
    '800k',
    '-pix_fmt',
    'yuv420p',
    ...x264,
    ...(audio ? ['-c:a', 'libopus'] : ['-an']),
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    '-f',
    'mp4',
    file,
  );
  return file;
}

async function lessonWith(editList: (duration: number) => EditList, screenX264: string[] = []) {
  const fixture = setup(tempDir());
  const screen = recording(`screen-${Math.random()}.mp4`, 'testsrc2=size=320x180', true, screenX264);
  const camera = recording(`camera-${Math.random()}.mp4`, 'testsrc=size=160x120', false);
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

/** MD5 of each decoded picture, in order: equal lists mean the same frames, exactly. */
function frameHashes(file: string, keep?: [number, number][]): string[] {
  const select = keep?.map(([from, to]) => `between(n,${from},${to - 1})`).join('+');
  const out = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-map',
      '0:v:0',
      ...(select ? ['-vf', `select='${select}'`] : []),
      '-fps_mode',
      'passthrough',
      '-f',
      'framemd5',
      '-',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return out
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(',').at(-1)?.trim() ?? '');
}

/** Average PSNR (dB) of a cut against the kept frames of its source, frame by frame in order. */
function psnr(cut: string, source: string, keep: [number, number][]): number {
  const select = keep.map(([from, to]) => `between(n,${from},${to - 1})`).join('+');
  const graph = `[0:v]setpts=N/30/TB[a];[1:v]select='${select}',setpts=N/30/TB[b];[a][b]psnr`;
  const run = spawnSync('ffmpeg', ['-i', cut, '-i', source, '-filter_complex', graph, '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  const average = /PSNR .*average:(inf|[\d.]+)/.exec(run.stderr)?.[1];
  if (average === undefined) throw new Error(`ffmpeg gave no PSNR: ${run.stderr.slice(-500)}`);
  return average === 'inf' ? Infinity : Number(average);
}

/** Whether ffmpeg decodes every frame of the file without a single error. */
function decodesCleanly(file: string): boolean {
  return (
    spawnSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' }).status === 0
  );
}

function framesOf(file: string): number {
  return Number(
    execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=nb_read_frames',
        '-of',
        'csv=p=0',
        file,
      ],
      { encoding: 'utf8' },
    ).trim(),
  );
}

/** Re-encodes a piece the way the renderer would, but with ffmpeg's x264: the same source frames, other parameter sets. */
/** Hands back every piece of a prepared cut re-encoded, as the page would after encoding them with WebCodecs. */
async function supplyAll(
  lesson: Awaited<ReturnType<typeof lessonWith>>,
  prepared: { readonly cutId: string; readonly pieces: readonly CutPiece[] },
): Promise<void> {
  for (const piece of prepared.pieces) {
    const source = piece.role === 'screen' ? lesson.screen : lesson.camera;
    lesson.cuts.supply(await encodeWithFfmpeg(source, piece, prepared.cutId, prepared.pieces));
  }
}

async function encodeWithFfmpeg(
  source: string,
  piece: CutPiece,
  cutId: string,
  pieces: readonly CutPiece[],
): Promise<EncodedPiece> {
  // As from one encoder per file: its configuration comes with the first packet of the file's first piece only.
  const withConfig = pieces.find((other) => other.role === piece.role) === piece;
  const first = piece.packets[piece.keepFrom];
  const firstIndex = Math.round((first?.timestamp ?? 0) * 30);
  const out = path.join(dir, `piece-${Math.random()}.mp4`);
  ffmpeg(
    '-i',
    source,
    '-vf',
    `select='between(n,${firstIndex},${firstIndex + piece.frames.length - 1})',setpts=N/30/TB`,
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-bf',
    '0',
    '-g',
    '1000',
    '-b:v',
    '2M',
    '-pix_fmt',
    'yuv420p',
    '-an',
    out,
  );
  const input = new Input({ source: new FilePathSource(out), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    const config = await track?.getDecoderConfig();
    if (!track || !config?.description) throw new Error('no piece');
    const description = new Uint8Array(config.description as ArrayBuffer).slice();
    const packets: EncodedPiece['packets'] = [];
    let index = 0;
    for await (const packet of new EncodedPacketSink(track).packets()) {
      const frame = piece.frames[index];
      if (!frame) break;
      packets.push({
        data: packet.data.slice(),
        key: packet.type === 'key',
        timestamp: frame.timestamp,
        duration: frame.duration,
        ...(index === 0 && withConfig ? { description } : {}),
      });
      index += 1;
    }
    return { cutId, index: piece.index, packets };
  } finally {
    input.dispose();
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
