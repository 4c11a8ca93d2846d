import type { TrackRole } from '@shared/media/takes';
import { KEYFRAME_INTERVAL_MS, TIMESLICE_MS } from './recorderFormats';

export interface TrackRecorderOptions {
  role: TrackRole;
  stream: MediaStream;
  mimeType: string;
  videoBitsPerSecond: number;
  /** Sends one chunk to disk; resolves once it is written. `atMs` is the recorded time when the chunk was cut. */
  upload: (index: number, data: Uint8Array<ArrayBuffer>, atMs: number) => Promise<void>;
  /** The chunk could not be written: the session stops and says why. */
  onUploadFailed: (error: unknown) => void;
  /** Milliseconds since the session started, for this track's start offset. */
  clock: () => number;
  /** Recorded time so far (pauses excluded), stamped on each chunk as it is cut rather than when its upload runs. */
  recordedMs: () => number;
}

type RecorderOptionsWithKeyframes = MediaRecorderOptions & { videoKeyFrameIntervalDuration?: number };

/**
 * One MediaRecorder and its upload queue. Chunks go to disk one at a time in order, and each is dropped from memory
 * once written, so a recording of any length uses flat memory.
 */
export class TrackRecorder {
  readonly role: TrackRole;
  readonly mimeType: string;
  startOffsetMs = 0;
  private readonly recorder: MediaRecorder;
  private queue: Promise<void> = Promise.resolve();
  private nextIndex = 0;
  private failed = false;
  private readonly stopped: Promise<void>;

  constructor(private readonly options: TrackRecorderOptions) {
    this.role = options.role;
    this.mimeType = options.mimeType;
    const recorderOptions: RecorderOptionsWithKeyframes = {
      mimeType: options.mimeType,
      videoBitsPerSecond: options.videoBitsPerSecond,
      audioBitsPerSecond: 128_000,
      videoKeyFrameIntervalDuration: KEYFRAME_INTERVAL_MS,
    };
    this.recorder = new MediaRecorder(options.stream, recorderOptions);
    this.recorder.addEventListener('dataavailable', (event) => this.enqueue(event.data));
    this.stopped = new Promise((resolve) => this.recorder.addEventListener('stop', () => resolve(), { once: true }));
  }

  start(): void {
    // The file's clock starts at this call. The 'start' event comes later (after the encoder is set up, 0.5 s
    // or more with H.264), and stamping the offset there made every take that much too long.
    this.startOffsetMs = Math.round(this.options.clock());
    this.recorder.start(TIMESLICE_MS);
  }

  pause(): void {
    if (this.recorder.state === 'recording') this.recorder.pause();
  }

  resume(): void {
    if (this.recorder.state === 'paused') this.recorder.resume();
  }

  get isActive(): boolean {
    return this.recorder.state !== 'inactive';
  }

  /** Stops recording and resolves once the last chunk is on disk. */
  async stop(): Promise<void> {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    await this.stopped;
    await this.queue;
  }

  private enqueue(blob: Blob): void {
    if (blob.size === 0 || this.failed) return;
    const index = this.nextIndex++;
    const atMs = Math.max(0, Math.round(this.options.recordedMs()));
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await this.options.upload(index, new Uint8Array(await blob.arrayBuffer()), atMs);
      } catch (error) {
        this.failed = true;
        this.options.onUploadFailed(error);
      }
    });
  }
}
