import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TranscribeJob } from '@shared/contract/transcribe';
import { EditorService } from '../editor/EditorService';
import { JobRegistry } from '../jobs/JobRegistry';
import { record, setup } from '../testing/libraryFixture';
import { chunksOf } from '../testing/mediaFixtures';
import { spokenLesson } from '../testing/speechFixture';
import { PocketsphinxTranscriber } from './pocketsphinx';
import { TranscribeService } from './TranscribeService';

const SCRIPT = ['Plants need light and water.', 'The sun gives the leaf energy.'];

async function spokenTake() {
  const fixture = setup();
  const spoken = spokenLesson(SCRIPT);
  const { takeId } = fixture.recordings.start({
    lessonId: fixture.lesson.id,
    origin: 'imported',
    title: 'Take 1',
    tracks: [{ role: 'screen', mimeType: 'video/mp4' }],
  });
  record(fixture.recordings, takeId, 'screen', chunksOf(spoken.file, 1), fixture.clock);
  await fixture.recordings.finish({ takeId, tracks: [{ role: 'screen', startOffsetMs: 0 }] });
  const editor = new EditorService(fixture.deps);
  const jobs = new JobRegistry();
  const progress: TranscribeJob[] = [];
  fixture.deps.events.listen((channel, payload) => {
    if (channel === 'app:transcribe.onDidProgress') progress.push(payload as TranscribeJob);
  });
  const service = new TranscribeService({
    ...fixture.deps,
    jobs,
    openDocument: (lessonId) => editor.open({ lessonId }),
    transcriber: new PocketsphinxTranscriber(),
  });
  const scratch = path.join(fixture.deps.mediaRoot, '.speech');
  return { fixture, spoken, service, progress, scratch };
}

async function settled(service: TranscribeService, jobId: string): Promise<TranscribeJob> {
  for (;;) {
    const job = service.status({ jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('TranscribeService', () => {
  it('drafts captions from a take’s speech as a job: progress, cues on the take’s clock with their words, no file left', async () => {
    const { fixture, spoken, service, progress, scratch } = await spokenTake();
    const { jobId } = await service.start({ lessonId: fixture.lesson.id, language: 'en' });
    const job = await settled(service, jobId);

    expect(job).toMatchObject({ state: 'done', stage: 'done', fraction: 1, error: null });
    const cues = job.cues ?? [];
    expect(cues.length).toBeGreaterThanOrEqual(SCRIPT.length);
    for (const cue of cues) {
      expect(cue.words.map((word) => word.text).join(' ')).toBe(cue.text);
      expect(spoken.lines.some((line) => cue.start >= line.start - 300 && cue.end <= line.end + 300)).toBe(true);
    }
    const stages = progress.map((event) => event.stage);
    expect(stages).toContain('listening');
    expect(progress.map((event) => event.fraction)).toEqual(
      [...progress.map((event) => event.fraction)].sort((a, b) => a - b),
    );
    expect(fs.readdirSync(scratch)).toEqual([]);
  }, 240_000);

  it('cancels at once and leaves no half-written sound behind; one draft per lesson at a time', async () => {
    const { fixture, service, scratch } = await spokenTake();
    const { jobId } = await service.start({ lessonId: fixture.lesson.id, language: 'en' });
    await expect(service.start({ lessonId: fixture.lesson.id, language: 'en' })).rejects.toThrow(/already in progress/);
    service.cancel({ jobId });
    expect(await settled(service, jobId)).toMatchObject({ state: 'cancelled', cues: null });
    expect(fs.readdirSync(scratch)).toEqual([]);
  }, 120_000);
});
