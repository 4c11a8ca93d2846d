import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import type { CueWord } from '@shared/captions/model';
import type { SpeechEngine } from '@shared/contract/transcribe';
import { StudioError } from '@shared/contract/result';
import { readTimedWord } from './pocketsphinxOutput';
import type { Transcriber, TranscribeOptions } from './Transcriber';

const PROGRAM = 'pocketsphinx_continuous';
/** Debian's pocketsphinx-en-us: the one language it ships a model for. */
const MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
const HOW_TO_GET =
  'Install the speech recogniser from your system’s packages: on Debian or Ubuntu, “sudo apt install pocketsphinx pocketsphinx-en-us”.';

export const TRANSCRIBE_CANCELLED = 'The draft was cancelled';

/**
 * CMU PocketSphinx, as Debian packages it: small and fast, English only, and rough on names and subject words; a
 * draft to correct, never captions to publish unread. It runs as its own process, so a cancel kills it at once.
 */
export class PocketsphinxTranscriber implements Transcriber {
  constructor(
    private readonly program = PROGRAM,
    private readonly modelDir = MODEL_DIR,
  ) {}

  async describe(): Promise<SpeechEngine> {
    const available = (await this.runs()) && fs.existsSync(this.modelDir);
    return {
      id: 'pocketsphinx',
      name: 'PocketSphinx (English)',
      languages: ['en'],
      available,
      howToGet: available ? null : HOW_TO_GET,
    };
  }

  async transcribe(wavFile: string, options: TranscribeOptions): Promise<CueWord[]> {
    if (!/^en(-|$)/i.test(options.language))
      throw new StudioError('invalid_input', 'PocketSphinx only knows English; choose an English captions track');
    options.signal.throwIfAborted();
    const child = spawn(this.program, ['-infile', wavFile, '-time', 'yes', '-logfn', '/dev/null'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const words: CueWord[] = [];
    const onAbort = () => child.kill('SIGKILL');
    options.signal.addEventListener('abort', onAbort, { once: true });
    const errors: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
    try {
      const lines = readline.createInterface({ input: child.stdout });
      const exited = new Promise<number | null>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
      });
      for await (const line of lines) {
        const word = readTimedWord(line);
        if (!word) continue;
        words.push(word);
        options.onProgress(Math.min(1, word.end / Math.max(1, options.durationMs)));
      }
      const code = await exited;
      if (options.signal.aborted) throw new StudioError('conflict', TRANSCRIBE_CANCELLED);
      if (code !== 0)
        throw new StudioError(
          'internal',
          `The speech recogniser stopped (${errors.join('').trim().slice(-200) || `exit ${String(code)}`})`,
        );
      return words;
    } finally {
      options.signal.removeEventListener('abort', onAbort);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }

  private runs(): Promise<boolean> {
    return new Promise((resolve) => {
      const child = spawn(this.program, ['-h'], { stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('close', () => resolve(true));
    });
  }
}
