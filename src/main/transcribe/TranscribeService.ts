import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CallContext, Contract, Input, ServiceHandlers } from '@shared/contract';
import type { SpeechEngine, TranscribeJob } from '@shared/contract/transcribe';
import { StudioError } from '@shared/contract/result';
import { cuesFromWords } from '@shared/captions/draft';
import type { LessonDocument } from '@shared/editor/document';
import { JobRegistry, type Job } from '../jobs/JobRegistry';
import type { LibraryDeps } from '../library/ProjectsService';
import { extractSpeechAudio } from '../recording/transcode';
import { TakeRows } from '../recording/takeRows';
import type { Transcriber } from './Transcriber';

/** Progress goes out at most this often (house style: ~10 a second). */
const PROGRESS_EVERY_MS = 100;
/** Taking the sound out of the take is quick next to hearing it: this share of the bar. */
const EXTRACT_SHARE = 0.1;

export interface TranscribeDeps extends LibraryDeps {
  openDocument(lessonId: string): LessonDocument;
  transcriber: Transcriber;
}

/**
 * Caption drafts as jobs in the studio's registry: the take's sound is taken out to a scratch WAV, heard by the
 * engine on this machine, and grouped into cues on the take's clock; the renderer puts them on a track as one undo
 * step. Cancel stops both steps at once and leaves no file.
 */
export class TranscribeService implements ServiceHandlers<Contract['transcribe']> {
  private readonly jobs: JobRegistry;
  private readonly takes: TakeRows;

  constructor(private readonly deps: TranscribeDeps) {
    this.jobs = deps.jobs ?? new JobRegistry();
    this.takes = new TakeRows(deps.db);
  }

  async engines(): Promise<SpeechEngine[]> {
    return [await this.deps.transcriber.describe()];
  }

  async start(input: Input<'transcribe', 'start'>, context?: CallContext): Promise<{ jobId: string }> {
    const engine = await this.deps.transcriber.describe();
    if (!engine.available)
      throw new StudioError('conflict', `No speech recogniser is installed. ${engine.howToGet ?? ''}`);
    const doc = this.deps.openDocument(input.lessonId);
    const file = this.takes
      .files(doc.takeId)
      .filter((row) => row.audio_codec !== null)
      .sort((a, b) => Number(b.role === 'audio') - Number(a.role === 'audio'))[0];
    if (!file) throw new StudioError('invalid_input', 'This take has no sound to make captions from');
    // In the library, named as a part, so a crash mid-draft leaves it for the next start to remove.
    const scratch = path.join(this.deps.mediaRoot, '.speech', `${randomUUID()}.wav.part`);
    fs.mkdirSync(path.dirname(scratch), { recursive: true });
    const job = this.jobs.begin<{ state: TranscribeJob }>(
      { kind: 'transcribe', owner: context?.caller, key: `transcribe:${input.lessonId}`, parts: [scratch] },
      (jobId) => ({
        state: {
          jobId,
          lessonId: input.lessonId,
          takeId: doc.takeId,
          state: 'running',
          stage: 'extracting',
          fraction: 0,
          cues: null,
          error: null,
        },
      }),
    );
    const source = path.join(this.deps.mediaRoot, ...file.path.split('/'));
    void this.run(job, source, scratch, input.language, file.duration_ms || doc.editList.sourceDuration);
    return { jobId: job.id };
  }

  cancel(input: Input<'transcribe', 'cancel'>): Record<string, never> {
    this.job(input.jobId);
    this.jobs.cancel(input.jobId);
    return {};
  }

  status(input: Input<'transcribe', 'status'>): TranscribeJob {
    return this.job(input.jobId).detail.state;
  }

  private async run(
    job: Job<{ state: TranscribeJob }>,
    source: string,
    scratch: string,
    language: string,
    durationMs: number,
  ): Promise<void> {
    let lastEmit = 0;
    const update = (change: Partial<TranscribeJob>, force = false) => {
      job.detail.state = { ...job.detail.state, ...change };
      const now = Date.now();
      if (force || now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        this.deps.events.emit('transcribe', 'onDidProgress', job.detail.state);
      }
    };
    try {
      await extractSpeechAudio(source, scratch, {
        durationMs,
        signal: job.signal,
        onProgress: ({ percent }) => update({ fraction: (percent / 100) * EXTRACT_SHARE }),
      });
      update({ stage: 'listening', fraction: EXTRACT_SHARE }, true);
      const words = await this.deps.transcriber.transcribe(scratch, {
        language,
        durationMs,
        signal: job.signal,
        onProgress: (fraction) => update({ fraction: EXTRACT_SHARE + fraction * (1 - EXTRACT_SHARE) }),
      });
      const cues = cuesFromWords(words).map((cue) => ({ ...cue, words: [...(cue.words ?? [])] }));
      update({ state: 'done', stage: 'done', fraction: 1, cues }, true);
      job.end('done');
    } catch (error) {
      const cancelled = job.signal.aborted;
      if (cancelled) update({ state: 'cancelled' }, true);
      else update({ state: 'failed', error: error instanceof Error ? error.message : String(error) }, true);
      job.end(cancelled ? 'cancelled' : 'failed');
    } finally {
      fs.rmSync(scratch, { force: true });
    }
  }

  private job(jobId: string): Job<{ state: TranscribeJob }> {
    const job = this.jobs.find<{ state: TranscribeJob }>(jobId, 'transcribe');
    if (!job)
      throw new StudioError(
        'not_found',
        'That caption draft is not running (it finished long ago, or the app restarted)',
      );
    return job;
  }
}
