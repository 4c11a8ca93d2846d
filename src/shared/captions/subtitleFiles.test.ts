import { describe, expect, it } from 'vitest';
import { readSubtitles, subtitleFormatOf, writeSubtitles } from './subtitleFiles';
import { lessonCues, toSourceTimes, typedCueTimes } from './placement';

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:02,500',
  '<i>Hello</i> class',
  '',
  '2',
  '00:00:03,000 --> 00:00:04,000',
  'Line one',
  'Line two',
  '',
].join('\r\n');

describe('subtitle files', () => {
  it('reads SRT and WebVTT to the same cues, and writes each so it reads back the same', () => {
    const read = readSubtitles(SRT, 'srt');
    expect(read).toEqual({
      ok: true,
      cues: [
        { start: 1000, end: 2500, text: 'Hello class' },
        { start: 3000, end: 4000, text: 'Line one\nLine two' },
      ],
    });
    if (!read.ok) return;
    for (const format of ['vtt', 'srt'] as const) {
      const written = writeSubtitles([...read.cues, { start: 5000, end: 6000, text: 'a < b & c --> d' }], format);
      expect(subtitleFormatOf('x', written)).toBe(format);
      expect(readSubtitles(written, format)).toEqual({
        ok: true,
        cues: [...read.cues, { start: 5000, end: 6000, text: 'a < b & c → d' }],
      });
    }
    expect(writeSubtitles(read.cues, 'srt')).toContain('00:00:01,000 --> 00:00:02,500');
  });

  it('names the line of a bad timing', () => {
    expect(readSubtitles('1\n00:00:01,000 --> 00:00:00,500\nx\n', 'srt')).toMatchObject({ ok: false, line: 2 });
    expect(readSubtitles('1\nsoon --> later\nx\n', 'srt')).toMatchObject({ ok: false, line: 2, message: /not valid/ });
    expect(readSubtitles('WEBVTT\n\n00:01.000 --> 00:00.500\nx', 'vtt')).toMatchObject({ ok: false, line: 3 });
  });
});

describe('caption placement', () => {
  const list = {
    sourceDuration: 10_000,
    trimStart: 1000,
    trimEnd: 9000,
    cuts: [{ start: 3000, end: 5000 }],
    splits: [],
  };

  it('anchors lesson-time cues on the take, an end on a cut staying before the cut', () => {
    expect(
      toSourceTimes(list, [
        { start: 0, end: 2000, text: 'a' },
        { start: 2000, end: 3000, text: 'b' },
        { start: 7000, end: 9000, text: 'past the end' },
      ]),
    ).toEqual([
      { start: 1000, end: 3000, text: 'a' },
      { start: 5000, end: 6000, text: 'b' },
    ]);
  });

  it('gives learners the cues that still play, in lesson time, clipped where a cut passes through', () => {
    const cues = [
      { id: 'a', trackId: 't', sourceStart: 2000, sourceEnd: 6000, text: 'across the cut' },
      { id: 'b', trackId: 't', sourceStart: 3500, sourceEnd: 4000, text: 'inside' },
      { id: 'c', trackId: 'other', sourceStart: 2000, sourceEnd: 2500, text: 'other track' },
    ];
    expect(lessonCues(list, cues, 't')).toEqual([{ start: 1000, end: 3000, text: 'across the cut' }]);
  });
});

describe('typing along', () => {
  const list = {
    sourceDuration: 10_000,
    trimStart: 1000,
    trimEnd: 9000,
    cuts: [{ start: 3000, end: 5000 }],
    splits: [],
  };

  it('runs from where the last caption ended to the playhead, on the take, ending before a cut it reaches', () => {
    expect(typedCueTimes(list, 0, 1500)).toEqual({ sourceStart: 1000, sourceEnd: 2500 });
    expect(typedCueTimes(list, 1000, 2000)).toEqual({ sourceStart: 2000, sourceEnd: 3000 });
    expect(typedCueTimes(list, 2000, 3500)).toEqual({ sourceStart: 5000, sourceEnd: 6500 });
  });

  it('gives a slip of the Enter key a second, and nothing past the lesson’s end', () => {
    expect(typedCueTimes(list, 500, 600)).toEqual({ sourceStart: 1500, sourceEnd: 2500 });
    expect(typedCueTimes(list, 6000, 6000)).toBeNull();
  });
});
