import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SpokenLine {
  readonly text: string;
  /** Where the line is heard in the file, ms. */
  readonly start: number;
  readonly end: number;
}

/** A second of silence before each line and after the last, so each line's place in the file is known exactly. */
const GAP_S = 1;

function seconds(file: string): number {
  return Number(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], {
      encoding: 'utf8',
    }).trim(),
  );
}

/**
 * Real speech for the speech tests: espeak-ng says each line of `script`, ffmpeg puts the lines a second apart under a
 * test picture in an MP4 (as a take holds it). Answers the file and where each line is heard.
 */
export function spokenLesson(script: readonly string[]): { file: string; lines: SpokenLine[]; durationMs: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-speech-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const gap = path.join(dir, 'gap.wav');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'anullsrc=r=22050:cl=mono',
    '-t',
    String(GAP_S),
    gap,
  ]);
  const inputs: string[] = [gap];
  const lines: SpokenLine[] = [];
  let at = GAP_S;
  script.forEach((text, index) => {
    const wav = path.join(dir, `line${String(index)}.wav`);
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '130', '-w', wav, text]);
    const length = seconds(wav);
    lines.push({ text, start: Math.round(at * 1000), end: Math.round((at + length) * 1000) });
    at += length + GAP_S;
    inputs.push(wav, gap);
  });
  const file = path.join(dir, 'spoken.mp4');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=320x240:rate=15:duration=${at.toFixed(3)}`,
    ...inputs.flatMap((input) => ['-i', input]),
    '-filter_complex',
    `${inputs.map((_, index) => `[${String(index + 1)}:a]`).join('')}concat=n=${String(inputs.length)}:v=0:a=1[a]`,
    '-map',
    '0:v',
    '-map',
    '[a]',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '15',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    file,
  ]);
  return { file, lines, durationMs: Math.round(at * 1000) };
}
