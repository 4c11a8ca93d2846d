import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSubtitles } from '@shared/captions/subtitleFiles';
import { CONVERSION_CANCELLED } from '../recording/transcode';
import { mediaFixture } from '../testing/mediaFixtures';
import { tempDir } from '../testing/tempStudio';
import { writeCaptionedMp4 } from './captionedMp4';
import { streamPacketsMd5, subtitleSrt, subtitleStreams } from './captionedMp4.testkit';

const english = [
  { start: 500, end: 1500, text: 'Momentum is mass times velocity' },
  { start: 2000, end: 3200, text: 'a < b & c\nsecond line' },
];
const french = [{ start: 1000, end: 2500, text: 'La quantité de mouvement' }];

const tracks = [
  { label: 'English', srclang: 'en', path: 'captions/en.vtt', text: writeSubtitles(english, 'vtt') },
  { label: 'Français', srclang: 'fr-CA', path: 'captions/fr-ca.vtt', text: writeSubtitles(french, 'vtt') },
];

/** ffmpeg.wasm loads a 30 MB core in each Worker: seconds on a busy machine, so these get longer than usual. */
const WASM_TIMEOUT_MS = 60_000;

describe('writeCaptionedMp4', { timeout: WASM_TIMEOUT_MS }, () => {
  it('adds one tx3g track per language, tagged and named, and copies picture and sound untouched', async () => {
    const source = mediaFixture('mp4', 4);
    const target = path.join(tempDir(), 'out.mp4');
    await writeCaptionedMp4(source, target, tracks, { durationMs: 4000 });

    expect(subtitleStreams(target)).toEqual([
      { codec: 'mov_text', tag: 'tx3g', language: 'eng', name: 'English', isDefault: true },
      { codec: 'mov_text', tag: 'tx3g', language: 'fra', name: 'Français', isDefault: false },
    ]);
    expect(subtitleSrt(target, 0)).toBe(`${writeSubtitles(english, 'srt')}\n`);
    expect(subtitleSrt(target, 1)).toBe(`${writeSubtitles(french, 'srt')}\n`);
    for (const stream of ['v:0', 'a:0'])
      expect(streamPacketsMd5(target, stream), stream).toBe(streamPacketsMd5(source, stream));
    // Fast start, as the render itself: the index comes before the media.
    const head = fs.readFileSync(target).subarray(0, 64).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
  });

  it('stops when cancelled and leaves no file', async () => {
    const source = mediaFixture('mp4', 8);
    const dir = tempDir();
    const target = path.join(dir, 'out.mp4');
    const controller = new AbortController();
    const writing = writeCaptionedMp4(source, target, tracks, {
      durationMs: 8000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(writing).rejects.toThrow(CONVERSION_CANCELLED);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
