import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Render } from '@shared/media/renders';
import { JobRegistry } from '../jobs/JobRegistry';
import { RenderService } from '../render/RenderService';
import { captionedLesson, expectedSrt } from '../files/captionedLesson.testkit';
import { streamPacketsMd5, subtitleSrt, subtitleStreams } from '../files/captionedMp4.testkit';
import { copyOut } from './renderCommand';

async function lessonRendered() {
  const lesson = await captionedLesson();
  const render = new RenderService(lesson.deps)
    .list({ lessonId: lesson.lesson.id })
    .find((each) => each.id === lesson.renderId) as Render;
  const studio = { db: lesson.deps.db, mediaRoot: lesson.deps.mediaRoot, jobs: new JobRegistry() };
  const lines: string[] = [];
  const io = { stdout: () => undefined, stderr: (line: string) => lines.push(line), env: {} };
  return { ...lesson, render, studio, io, lines };
}

/** ffmpeg.wasm loads a 30 MB core in each Worker: seconds on a busy machine, so these get longer than usual. */
const WASM_TIMEOUT_MS = 60_000;

describe('flipside render --out', { timeout: WASM_TIMEOUT_MS }, () => {
  it('copies the render out with the lesson’s captions as a subtitle track, saying so', async () => {
    const { render, studio, io, lines, outside, renderFile } = await lessonRendered();
    const out = path.join(outside, 'lesson.mp4');
    await copyOut(studio, render, out, { force: false, captions: true }, io);
    expect(lines).toEqual(['adding captions: English']);
    expect(subtitleStreams(out)).toMatchObject([{ codec: 'mov_text', language: 'eng', name: 'English' }]);
    expect(subtitleSrt(out, 0)).toBe(expectedSrt());
    expect(streamPacketsMd5(out, 'v:0')).toBe(streamPacketsMd5(renderFile, 'v:0'));
    expect(fs.readdirSync(outside)).toEqual(['lesson.mp4']);
  });

  it('with --no-captions, copies the render byte for byte', async () => {
    const { render, studio, io, lines, outside, renderFile } = await lessonRendered();
    const out = path.join(outside, 'lesson.mp4');
    await copyOut(studio, render, out, { force: false, captions: false }, io);
    expect(lines).toEqual([]);
    expect(fs.readFileSync(out).equals(fs.readFileSync(renderFile))).toBe(true);
  });
});
