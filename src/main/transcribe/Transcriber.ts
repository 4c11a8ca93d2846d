import type { CueWord } from '@shared/captions/model';
import type { SpeechEngine } from '@shared/contract/transcribe';

export interface TranscribeOptions {
  /** A BCP 47 tag; an engine refuses a language it has no model for. */
  readonly language: string;
  /** How long the sound is, for progress. */
  readonly durationMs: number;
  readonly signal: AbortSignal;
  /** 0..1 of the sound heard so far. */
  readonly onProgress: (fraction: number) => void;
}

/**
 * Turns speech into timed words on this machine. The input is 16 kHz mono 16-bit WAV (what every offline engine
 * takes); the words' times are on the file's clock. Aborting stops the engine's process at once.
 */
export interface Transcriber {
  describe(): Promise<SpeechEngine>;
  transcribe(wavFile: string, options: TranscribeOptions): Promise<CueWord[]>;
}
