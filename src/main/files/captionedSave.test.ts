import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelOf } from '@shared/contract/define';
import type { SaveJob } from '@shared/contract/files';
import { documentChangeSchema } from '@shared/editor/document';
import type { setup } from '../testing/libraryFixture';
import { RenderService } from '../render/RenderService';
import { captionedLesson, expectedSrt } from './captionedLesson.testkit';
import { streamPacketsMd5, subtitleSrt, subtitleStreams } from './captionedMp4.testkit';
import { FilesService, type FileShell } from './FilesService';

const shellChoosing = (choice: string): FileShell => ({ chooseSavePath: async () => choice, reveal: () => undefined });

/** The job's last state, from the `files.onDidProgress` events main pushes. */
function ended(deps: ReturnType<typeof setup>['deps'], jobId: string): Promise<SaveJob> {
  return new Promise((resolve) => {
    const stop = deps.events.listen((channel, payload) => {
      const job = payload as SaveJob;
      if (channel !== channelOf('files', 'onDidProgress') || job.jobId !== jobId || job.state === 'running') return;
      stop();
      resolve(job);
    });
  });
}

/** ffmpeg.wasm loads a 30 MB core in each Worker: seconds on a busy machine, so these get longer than usual. */
const WASM_TIMEOUT_MS = 60_000;

describe('Save as… with captions', { timeout: WASM_TIMEOUT_MS }, () => {
  it('writes the render with the captions as they are now, on the render’s clock, picture and sound untouched', async () => {
    const { deps, editor, take, cues, revision, renderId, renderFile, outside } = await captionedLesson();
    // Captions edited after rendering: the render is still up to date, and the copy carries the new words.
    editor.apply(
      documentChangeSchema.parse({
        takeId: take.id,
        baseRevision: revision,
        upsertCaptionCues: [{ ...cues[2], text: 'After the cut, edited' }],
      }),
    );
    const target = path.join(outside, 'Momentum (720p).mp4');
    const files = new FilesService({ ...deps, shell: shellChoosing(target) });
    expect(files.renderCaptions({ renderId })).toEqual({
      tracks: [{ label: 'English', srclang: 'en' }],
      unavailable: null,
    });
    const answer = await files.saveAs({ kind: 'render', renderId, captions: true });
    if (answer.outcome !== 'saving') throw new Error(`expected a save job, got ${answer.outcome}`);
    const job = await ended(deps, answer.jobId);
    expect(job).toMatchObject({ state: 'done', fraction: 1, result: { outcome: 'saved', path: target } });
    expect(files.status({ jobId: answer.jobId })).toEqual(job);

    expect(fs.readdirSync(outside)).toEqual(['Momentum (720p).mp4']);
    expect(subtitleStreams(target)).toEqual([
      { codec: 'mov_text', tag: 'tx3g', language: 'eng', name: 'English', isDefault: true },
    ]);
    expect(subtitleSrt(target, 0)).toBe(expectedSrt('After the cut, edited'));
    for (const stream of ['v:0', 'a:0'])
      expect(streamPacketsMd5(target, stream), stream).toBe(streamPacketsMd5(renderFile, stream));
  });

  it('leaves nothing where the teacher chose when the save is cancelled', async () => {
    const { deps, renderId, outside } = await captionedLesson();
    const files = new FilesService({ ...deps, shell: shellChoosing(path.join(outside, 'Momentum.mp4')) });
    const answer = await files.saveAs({ kind: 'render', renderId, captions: true });
    if (answer.outcome !== 'saving') throw new Error(`expected a save job, got ${answer.outcome}`);
    const done = ended(deps, answer.jobId);
    files.cancel({ jobId: answer.jobId });
    expect(await done).toMatchObject({ state: 'cancelled', result: null });
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('refuses captions for a render made before the lesson was cut again, saying why', async () => {
    const { deps, editor, lesson, take, renderId, outside } = await captionedLesson();
    const now = editor.open({ lessonId: lesson.id });
    editor.apply(
      documentChangeSchema.parse({
        takeId: take.id,
        baseRevision: now.revision,
        editList: { ...now.editList, cuts: [{ start: 1000, end: 2500 }] },
      }),
    );
    const files = new FilesService({ ...deps, shell: shellChoosing(path.join(outside, 'Momentum.mp4')) });
    expect(files.renderCaptions({ renderId })).toEqual({
      tracks: [],
      unavailable: expect.stringMatching(/edited after this render was made/) as unknown,
    });
    await expect(files.saveAs({ kind: 'render', renderId, captions: true })).rejects.toThrow(/render it again/);
    expect(fs.readdirSync(outside)).toEqual([]);
    // Without captions, it saves as before.
    expect(await files.saveAs({ kind: 'render', renderId })).toMatchObject({ outcome: 'saved' });
  });

  it('refuses captions for a render that burned in captions edited since, saying so', async () => {
    const { deps, editor, lesson, take, cues, renderId, outside } = await captionedLesson({ burnCaptions: true });
    const files = new FilesService({ ...deps, shell: shellChoosing(path.join(outside, 'Momentum.mp4')) });
    expect(files.renderCaptions({ renderId }).unavailable).toBeNull();
    const now = editor.open({ lessonId: lesson.id });
    editor.apply(
      documentChangeSchema.parse({
        takeId: take.id,
        baseRevision: now.revision,
        upsertCaptionCues: [{ ...cues[2], text: 'After the cut, corrected' }],
      }),
    );
    expect(files.renderCaptions({ renderId })).toEqual({
      tracks: [],
      unavailable: expect.stringMatching(/captions were edited after this render burned them in/) as unknown,
    });
  });

  it('without a save dialog, makes one copy per set of captions for the page to download', async () => {
    const { deps, editor, take, cues, revision, renderId } = await captionedLesson();
    const files = new FilesService(deps);
    const first = await files.saveAs({ kind: 'render', renderId, captions: true });
    if (first.outcome !== 'saving') throw new Error(`expected a save job, got ${first.outcome}`);
    const made = await ended(deps, first.jobId);
    expect(made).toMatchObject({ state: 'done', result: { outcome: 'download', fileName: 'Momentum (720p).mp4' } });
    const download = made.result?.outcome === 'download' ? made.result : null;
    expect(download?.mediaPath).toMatch(/\/renders\/\.downloads\/[0-9a-f-]+-[0-9a-f]{16}\.mp4$/);
    const file = path.join(deps.mediaRoot, ...(download?.mediaPath ?? '').split('/'));
    expect(subtitleSrt(file, 0)).toBe(expectedSrt());
    // The same captions again: the same copy, at once.
    expect(await files.saveAs({ kind: 'render', renderId, captions: true })).toEqual(download);

    editor.apply(
      documentChangeSchema.parse({
        takeId: take.id,
        baseRevision: revision,
        upsertCaptionCues: [{ ...cues[2], text: 'Changed' }],
      }),
    );
    const second = await files.saveAs({ kind: 'render', renderId, captions: true });
    if (second.outcome !== 'saving') throw new Error(`expected a save job, got ${second.outcome}`);
    const remade = await ended(deps, second.jobId);
    const newFile = remade.result?.outcome === 'download' ? remade.result.mediaPath : '';
    expect(subtitleSrt(path.join(deps.mediaRoot, ...newFile.split('/')), 0)).toBe(expectedSrt('Changed'));
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.posix.basename(newFile)]);
    // Deleting the render takes its copies with it.
    new RenderService(deps).remove({ id: renderId });
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });
});
