import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNamesUnder, recordedTake, setup } from '../testing/libraryFixture';
import { ffprobeDuration, mediaFixture } from '../testing/mediaFixtures';
import { renderByteCeiling } from '@shared/render/outputCeiling';
import { RenderService } from './RenderService';

async function withTake() {
  const fixture = setup();
  const take = await recordedTake(fixture);
  const renders = new RenderService(fixture.deps);
  const begin = () =>
    renders.start({ lessonId: fixture.lesson.id, takeId: take.id, revision: 3, label: '720p', extension: 'mp4' })
      .renderId;
  const rendersDir = path.join(fixture.deps.mediaRoot, fixture.lesson.projectId, 'renders');
  return { ...fixture, take, renders, begin, rendersDir };
}

describe('RenderService', () => {
  it('writes bytes at the positions the muxer gives (index reserved at the front, filled in last) and keeps the probed file', async () => {
    const { renders, begin, lesson, rendersDir } = await withTake();
    const bytes = fs.readFileSync(mediaFixture('mp4', 2));
    const renderId = begin();
    const split = 4096;
    renders.write({ renderId, position: split, data: new Uint8Array(bytes.subarray(split)) });
    renders.write({ renderId, position: 0, data: new Uint8Array(bytes.subarray(0, split)) });
    const render = await renders.finish({ renderId });
    expect(render).toMatchObject({
      status: 'ready',
      label: '720p',
      revision: 3,
      width: 320,
      height: 180,
      videoCodec: 'avc',
    });
    expect(render.durationMs / 1000).toBeCloseTo(2, 0);
    const file = path.join(rendersDir, `${renderId}.mp4`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(ffprobeDuration(file)).toBeCloseTo(2, 0);
    expect(renders.list({ lessonId: lesson.id }).map((each) => each.id)).toEqual([renderId]);
  });

  it('refuses a write that reaches past the planned size, leaving the file as it was', async () => {
    const { renders, begin, take, rendersDir } = await withTake();
    const renderId = begin();
    renders.write({ renderId, position: 0, data: new Uint8Array(100) });
    const ceiling = renderByteCeiling(take);
    for (const position of [ceiling, ceiling - 1, Number.MAX_SAFE_INTEGER - 10])
      expect(() => renders.write({ renderId, position, data: new Uint8Array(2) }), String(position)).toThrow(/planned/);
    expect(fs.statSync(path.join(rendersDir, `${renderId}.mp4.part`)).size).toBe(100);
    renders.write({ renderId, position: ceiling - 2, data: new Uint8Array(2) });
  });

  it('leaves no file when cancelled, and the next render succeeds', async () => {
    const { renders, begin, rendersDir } = await withTake();
    const cancelled = begin();
    renders.write({ renderId: cancelled, position: 0, data: new Uint8Array(1000) });
    renders.cancel({ renderId: cancelled });
    expect(fileNamesUnder(rendersDir)).toEqual([]);
    expect(() => renders.write({ renderId: cancelled, position: 0, data: new Uint8Array(1) })).toThrow(/not running/);

    const next = begin();
    renders.write({ renderId: next, position: 0, data: new Uint8Array(fs.readFileSync(mediaFixture('mp4', 2))) });
    await expect(renders.finish({ renderId: next })).resolves.toMatchObject({ status: 'ready' });
  });

  it('discards an unreadable result instead of keeping it', async () => {
    const { renders, begin, rendersDir } = await withTake();
    const renderId = begin();
    renders.write({ renderId, position: 0, data: new TextEncoder().encode('not an mp4') });
    await expect(renders.finish({ renderId })).rejects.toThrow(/unreadable file and was discarded/);
    expect(fileNamesUnder(rendersDir)).toEqual([]);
  });

  it("removes renders a dead process left half-written, at the owner's start", async () => {
    const { begin, renders, deps, rendersDir } = await withTake();
    const renderId = begin();
    renders.write({ renderId, position: 0, data: new Uint8Array(500) });
    const afterRestart = new RenderService(deps);
    expect(fileNamesUnder(rendersDir)).toEqual([`${renderId}.mp4.part`]);
    expect(afterRestart.removeAbandoned()).toEqual([path.join(rendersDir, `${renderId}.mp4.part`)]);
    expect(fileNamesUnder(rendersDir)).toEqual([]);
    expect(deps.db.prepare('SELECT COUNT(*) AS n FROM renders').get()).toEqual({ n: 0 });
    expect(
      afterRestart.list({ lessonId: (deps.db.prepare('SELECT id FROM lessons').get() as { id: string }).id }),
    ).toEqual([]);
  });
});
