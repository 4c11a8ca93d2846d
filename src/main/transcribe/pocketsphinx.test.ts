import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { spokenLesson } from '../testing/speechFixture';
import { PocketsphinxTranscriber } from './pocketsphinx';
import { readTimedWord } from './pocketsphinxOutput';

const SCRIPT = [
  'Today we learn how plants grow.',
  'Plants need light and water.',
  'The sun gives the leaf energy.',
  'Thank you for watching.',
];

/** How far outside a spoken line a word's time may fall: the engine's frames and espeak's own lead-in. */
const TIME_SLACK_MS = 300;

describe('readTimedWord', () => {
  it('reads a word with its times and drops pronunciation marks and non-words', () => {
    expect(readTimedWord('the(2) 1.890 1.990 0.269402')).toEqual({ text: 'the', start: 1890, end: 1990 });
    expect(readTimedWord('<sil> 2.260 2.280 0.136773')).toBeNull();
    expect(readTimedWord('(NULL) 0.060 0.060 1.000000')).toBeNull();
    expect(readTimedWord('[NOISE] 0.060 0.300 1.000000')).toBeNull();
    expect(readTimedWord('you want to do that')).toBeNull();
  });
});

describe('PocketsphinxTranscriber', () => {
  const transcriber = new PocketsphinxTranscriber();

  it('hears espeak-ng speaking a known script: each line’s words inside the time it is spoken', async () => {
    const spoken = spokenLesson(SCRIPT);
    const wav = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-ps-')), 'speech.wav');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', spoken.file, '-vn', '-ac', '1', '-ar', '16000', wav]);
    const fractions: number[] = [];
    const words = await transcriber.transcribe(wav, {
      language: 'en-GB',
      durationMs: spoken.durationMs,
      signal: new AbortController().signal,
      onProgress: (fraction) => fractions.push(fraction),
    });

    for (const word of words) {
      const line = spoken.lines.find(
        (candidate) => word.start >= candidate.start - TIME_SLACK_MS && word.end <= candidate.end + TIME_SLACK_MS,
      );
      expect(line, `“${word.text}” at ${String(word.start)} ms is inside a spoken line`).toBeDefined();
    }
    for (const line of spoken.lines)
      expect(
        words.some((word) => word.start >= line.start - TIME_SLACK_MS && word.end <= line.end + TIME_SLACK_MS),
      ).toBe(true);
    const scriptWords = new Set(
      SCRIPT.join(' ')
        .toLowerCase()
        .match(/[a-z]+/g),
    );
    expect(words.filter((word) => scriptWords.has(word.text.toLowerCase())).length).toBeGreaterThanOrEqual(3);
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((fraction, index) => fraction >= (fractions[index - 1] ?? 0) && fraction <= 1)).toBe(true);
  }, 180_000);

  it('stops at once when cancelled, and refuses a language it has no model for', async () => {
    const spoken = spokenLesson(SCRIPT);
    const wav = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-ps-')), 'speech.wav');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', spoken.file, '-vn', '-ac', '1', '-ar', '16000', wav]);
    const controller = new AbortController();
    const running = transcriber.transcribe(wav, {
      language: 'en',
      durationMs: spoken.durationMs,
      signal: controller.signal,
      onProgress: () => undefined,
    });
    controller.abort();
    await expect(running).rejects.toThrow(/cancelled/);
    await expect(
      transcriber.transcribe(wav, {
        language: 'fr',
        durationMs: 1,
        signal: controller.signal,
        onProgress: () => undefined,
      }),
    ).rejects.toThrow(/only knows English/);
  }, 60_000);

  it('says how to get it when it is not installed', async () => {
    const missing = await new PocketsphinxTranscriber('/nonexistent/pocketsphinx').describe();
    expect(missing).toMatchObject({ available: false, howToGet: expect.stringMatching(/apt install pocketsphinx/) });
    expect(await transcriber.describe()).toMatchObject({ available: true, languages: ['en'], howToGet: null });
  });
});
