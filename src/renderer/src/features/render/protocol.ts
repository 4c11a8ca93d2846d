import type { RenderPlan } from '@shared/render/renderPlan';
import type { EncoderFacts, EncoderPreference } from '@shared/render/encoderQuality';

/** How the finished render was made, for the job's facts and the CLI. */
export type RenderOutcome =
  /** `copy`: video packets copied as recorded; `encode`: decoded, composited and encoded again. */
  (
    | {
        readonly method: 'copy' | 'encode' | 'audio';
        /** Why the copy fast path was not taken, when it was not. */
        readonly note: string | null;
        /** `encode`: how many H.264 encoders ran side by side, a keyframe interval each in turn. */
        readonly encoders?: number;
        /** `encode`: which H.264 encoder, at what bitrate, and why. */
        readonly encoder?: EncoderFacts;
      }
    /** `smart`: packets copied, and the frames before each kept part's first keyframe re-encoded. */
    | { readonly method: 'smart'; readonly note: null; readonly reencodedFrames: number }
  ) & {
    /** The sound's packets copied with the video, or decoded, cut to the sample and encoded; null before it is known. */
    readonly sound: 'copied' | 'encoded' | null;
  };

export type ToWorker =
  | {
      readonly type: 'start';
      readonly plan: RenderPlan;
      readonly urls: Readonly<Record<string, string>>;
      /** Why the render is encoded rather than copied by main, when it could have been. */
      readonly note: string | null;
      readonly encoder: EncoderPreference;
    }
  /** A write landed; its buffer comes back to be filled again (see outputStream.ts). */
  | { readonly type: 'written'; readonly id: number; readonly data: Uint8Array<ArrayBuffer> }
  | { readonly type: 'write-failed'; readonly id: number; readonly message: string };

export type FromWorker =
  | { readonly type: 'write'; readonly id: number; readonly position: number; readonly data: Uint8Array<ArrayBuffer> }
  | { readonly type: 'progress'; readonly doneMs: number }
  | { readonly type: 'done'; readonly outcome: RenderOutcome }
  /** `hardwareEncoder`: the hardware video encoder failed, and the render can run again in software. */
  | { readonly type: 'error'; readonly message: string; readonly hardwareEncoder: boolean };

/**
 * What a worker's global scope offers; the renderer's TypeScript lib is the DOM's, not the worker's. Said without DOM
 * types, so the Worker's modules are tested in Node as they are.
 */
export interface WorkerScope {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: ToWorker }) => void): void;
}
