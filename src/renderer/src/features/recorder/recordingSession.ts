import type { StudioClient } from '@shared/contract';
import type { Take, TrackRole } from '@shared/media/takes';
import { chooseMimeType } from './recorderFormats';
import { TrackRecorder } from './trackRecorder';

export interface CaptureStreams {
  screen: MediaStream | null;
  camera: MediaStream | null;
  microphone: MediaStream | null;
}

export type SessionState = 'recording' | 'paused' | 'stopping' | 'stopped' | 'discarded';

export interface SessionListener {
  onState(state: SessionState): void;
  /** Something happened the teacher must know, in plain words (a device went away, the disk filled up). */
  onNotice(message: string): void;
  /** The session ended by itself (screen sharing ended, a write failed) with this take, or null if none was saved. */
  onEnded(take: Take | null): void;
}

const HEARTBEAT_MS = 2000;

/**
 * One recording: screen and camera as separate files on one clock, microphone with the screen (or with the camera
 * when there is no screen). Every chunk goes to disk as it arrives; pauses are excluded from the recorded time.
 */
export class RecordingSession {
  private state: SessionState = 'recording';
  private readonly started = performance.now();
  private pausedTotal = 0;
  private pausedAt: number | null = null;
  /** When stop or discard began: the clock stops there, so the last chunks are stamped with the real length. */
  private endedAt: number | null = null;
  private endedNotified = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private ending: Promise<Take | null> | null = null;

  private constructor(
    private readonly studio: StudioClient,
    readonly takeId: string,
    private readonly recorders: TrackRecorder[],
    private readonly listener: SessionListener,
  ) {}

  static async start(
    studio: StudioClient,
    lessonId: string,
    streams: CaptureStreams,
    listener: SessionListener,
  ): Promise<RecordingSession> {
    const plan = planTracks(streams);
    if (plan.length === 0) throw new Error('Choose a screen or a camera to record');
    const tracks = plan.map((track) => ({
      ...track,
      mimeType: chooseMimeType(track.stream.getAudioTracks().length > 0),
    }));
    const { takeId } = await studio.recordings.start({
      lessonId,
      tracks: tracks.map(({ role, mimeType }) => ({ role, mimeType })),
    });

    let session: RecordingSession | null = null;
    try {
      const recorders = tracks.map(
        (track) =>
          new TrackRecorder({
            ...track,
            upload: async (index, data, atMs) => {
              await studio.recordings.appendChunk({ takeId, role: track.role, index, atMs, data });
            },
            onUploadFailed: (error) => session?.failWith(error),
            clock: () => performance.now() - (session?.started ?? performance.now()),
            recordedMs: () => session?.elapsedMs() ?? 0,
          }),
      );
      session = new RecordingSession(studio, takeId, recorders, listener);
      for (const recorder of recorders) recorder.start();
    } catch (error) {
      // A recorder that cannot start must not leave an empty take behind to be offered for recovery.
      for (const recorder of session?.recorders ?? []) void recorder.stop();
      await studio.recordings.discard({ takeId }).catch(() => undefined);
      throw error;
    }
    session.watchDevices(streams);
    return session;
  }

  /** Recorded time so far, pauses excluded. */
  elapsedMs(): number {
    const now = this.endedAt ?? this.pausedAt ?? performance.now();
    return now - this.started - this.pausedTotal;
  }

  get current(): SessionState {
    return this.state;
  }

  pause(): void {
    if (this.state !== 'recording') return;
    for (const recorder of this.recorders) recorder.pause();
    this.pausedAt = performance.now();
    // No chunks flow while paused; the heartbeat tells main this take is alive, not interrupted.
    this.heartbeat = setInterval(
      () => void this.studio.recordings.heartbeat({ takeId: this.takeId }).catch(() => undefined),
      HEARTBEAT_MS,
    );
    this.setState('paused');
  }

  resume(): void {
    if (this.state !== 'paused' || this.pausedAt === null) return;
    this.pausedTotal += performance.now() - this.pausedAt;
    this.pausedAt = null;
    this.clearHeartbeat();
    for (const recorder of this.recorders) recorder.resume();
    this.setState('recording');
  }

  /** Stops every recorder, waits for the last chunks to reach the disk, and turns the parts into a take. */
  stop(): Promise<Take | null> {
    this.ending ??= this.finish();
    return this.ending;
  }

  async discard(): Promise<void> {
    if (this.state !== 'recording' && this.state !== 'paused') return;
    this.freeze();
    this.clearHeartbeat();
    this.setState('stopping');
    await Promise.all(this.recorders.map((recorder) => recorder.stop()));
    await this.studio.recordings.discard({ takeId: this.takeId });
    this.setState('discarded');
  }

  private async finish(): Promise<Take | null> {
    // A paused recorder stops as it is: resuming first would record a few more frames the teacher never saw.
    this.freeze();
    this.clearHeartbeat();
    this.setState('stopping');
    await Promise.all(this.recorders.map((recorder) => recorder.stop()));
    try {
      const take = await this.studio.recordings.finish({
        takeId: this.takeId,
        tracks: this.recorders.map((recorder) => ({ role: recorder.role, startOffsetMs: recorder.startOffsetMs })),
      });
      this.setState('stopped');
      return take;
    } catch (error) {
      this.setState('stopped');
      this.listener.onNotice(
        `The recording could not be finished (${messageOf(error)}). It is kept and will be offered for recovery.`,
      );
      return null;
    }
  }

  private freeze(): void {
    this.endedAt ??= this.pausedAt ?? performance.now();
  }

  private failWith(error: unknown): void {
    if (this.state !== 'recording' && this.state !== 'paused') return;
    this.listener.onNotice(`Recording stopped: ${messageOf(error)}`);
    this.endBySelf();
  }

  /** Stops on its own (a device or a write failed) and tells the UI once. */
  private endBySelf(): void {
    void this.stop().then((take) => {
      if (this.endedNotified) return;
      this.endedNotified = true;
      this.listener.onEnded(take);
    });
  }

  private watchDevices(streams: CaptureStreams): void {
    streams.screen?.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (this.state !== 'recording' && this.state !== 'paused') return;
      this.listener.onNotice('Screen sharing ended, so the recording stopped. Everything recorded is saved.');
      this.endBySelf();
    });
    const camera = this.recorders.find((recorder) => recorder.role === 'camera');
    streams.camera?.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (!camera || (this.state !== 'recording' && this.state !== 'paused')) return;
      if (!streams.screen) {
        this.listener.onNotice('The camera was disconnected, so the recording stopped. Everything recorded is saved.');
        this.endBySelf();
        return;
      }
      this.listener.onNotice(
        'The camera was disconnected. The recording goes on without it; the camera part so far is kept.',
      );
      void camera.stop();
    });
    streams.microphone?.getAudioTracks()[0]?.addEventListener('ended', () => {
      if (this.state !== 'recording' && this.state !== 'paused') return;
      this.listener.onNotice('The microphone was disconnected. The recording goes on without sound.');
    });
  }

  private clearHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private setState(state: SessionState): void {
    this.state = state;
    this.listener.onState(state);
  }
}

/** Which file each stream goes into: the microphone rides with the screen, or with the camera when alone. */
function planTracks(streams: CaptureStreams): { role: TrackRole; stream: MediaStream; videoBitsPerSecond: number }[] {
  const audio = streams.microphone?.getAudioTracks() ?? [];
  const plan: { role: TrackRole; stream: MediaStream; videoBitsPerSecond: number }[] = [];
  if (streams.screen) {
    plan.push({
      role: 'screen',
      stream: new MediaStream([...streams.screen.getVideoTracks(), ...audio]),
      videoBitsPerSecond: 2_500_000,
    });
  }
  if (streams.camera) {
    const withAudio = streams.screen ? [] : audio;
    plan.push({
      role: 'camera',
      stream: new MediaStream([...streams.camera.getVideoTracks(), ...withAudio]),
      videoBitsPerSecond: 1_000_000,
    });
  }
  return plan;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
