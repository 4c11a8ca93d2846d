import { describe, expect, it } from 'vitest';
import { cueText } from './cueText';
import { formatClock, spokenClock } from '@shared/format/clock';
import { keyCommand, stepRate } from './keys';
import { createLessonClock } from './lessonClock';
import { chooseRendition } from './renditions';

const press = (key: string) => ({ key, ctrlKey: false, altKey: false, metaKey: false });

describe('formatClock', () => {
  it('shows whole seconds', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(83_900)).toBe('1:23');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(spokenClock(83_000)).toBe('1 minute 23 seconds');
  });
});

describe('keyCommand', () => {
  it('maps the usual video keys', () => {
    expect(keyCommand(press('k'), 'other')).toEqual({ kind: 'togglePlay' });
    expect(keyCommand(press('ArrowRight'), 'range')).toEqual({ kind: 'seekBy', ms: 5000 });
    expect(keyCommand(press('J'), 'other')).toEqual({ kind: 'seekBy', ms: -10_000 });
    expect(keyCommand(press('>'), 'other')).toEqual({ kind: 'speed', step: 1 });
  });

  it('leaves typing, native buttons and shortcuts with modifiers alone', () => {
    expect(keyCommand(press('k'), 'text')).toBeNull();
    expect(keyCommand(press(' '), 'button')).toBeNull();
    expect(keyCommand({ ...press('c'), ctrlKey: true }, 'other')).toBeNull();
  });

  it('steps through allowed speeds only', () => {
    expect(stepRate([0.75, 1, 1.5], 1, 1)).toBe(1.5);
    expect(stepRate([0.75, 1, 1.5], 1.5, 1)).toBe(1.5);
    expect(stepRate([0.75, 1, 1.5], 0.75, -1)).toBe(0.75);
  });
});

describe('createLessonClock', () => {
  it('is the media clock for a rendered lesson', () => {
    const clock = createLessonClock(20_000);
    expect(clock.fromMedia(4.25)).toEqual({ lessonMs: 4_250, jumpToSeconds: null, ended: false });
    expect(clock.fromMedia(20.04).ended).toBe(true);
    expect(clock.toMediaSeconds(25_000)).toBe(20);
  });

  it('skips trims and cuts of an unrendered take', () => {
    const clock = createLessonClock(7_000, {
      sourceDuration: 10_000,
      trimStart: 1_000,
      trimEnd: 10_000,
      cuts: [{ start: 4_000, end: 6_000 }],
      splits: [],
    });
    expect(clock.fromMedia(0)).toEqual({ lessonMs: 0, jumpToSeconds: 1, ended: false });
    expect(clock.fromMedia(3.5)).toEqual({ lessonMs: 2_500, jumpToSeconds: null, ended: false });
    expect(clock.fromMedia(4.1)).toEqual({ lessonMs: 3_000, jumpToSeconds: 6, ended: false });
    expect(clock.fromMedia(10)).toEqual({ lessonMs: 7_000, jumpToSeconds: null, ended: true });
    expect(clock.toMediaSeconds(3_000)).toBe(6);
  });
});

describe('chooseRendition', () => {
  const renditions = [
    { label: '1080p', src: 'a', type: 'video/mp4', width: 1920 },
    { label: '360p', src: 'b', type: 'video/mp4', width: 640 },
    { label: 'Audio only', src: 'c', type: 'audio/mp4' },
    { label: '720p', src: 'd', type: 'video/webm', width: 1280 },
  ];
  it('picks the smallest sharp video the browser plays', () => {
    expect(chooseRendition(renditions, { targetWidth: 780, canPlay: () => true })).toBe(3);
    expect(chooseRendition(renditions, { targetWidth: 780, canPlay: (type) => type !== 'video/webm' })).toBe(0);
    expect(chooseRendition(renditions, { targetWidth: 4000, canPlay: () => true })).toBe(0);
  });

  it('falls back to audio, then to nothing', () => {
    expect(chooseRendition(renditions, { targetWidth: 500, canPlay: (type) => type.startsWith('audio') })).toBe(2);
    expect(chooseRendition(renditions, { targetWidth: 500, canPlay: () => false })).toBe(-1);
  });
});

describe('cueText', () => {
  it('drops cue tags and decodes entities, leaving text', () => {
    expect(cueText('<v Ms Lee>Hello &amp; <i>welcome</i></v>')).toBe('Hello & welcome');
    expect(cueText('&lt;script&gt;')).toBe('<script>');
  });
});

describe('chapterAt', () => {
  it('finds the chapter playing', async () => {
    const { chapterAt } = await import('./chapters');
    const chapters = [{ lessonMs: 0 }, { lessonMs: 6_000 }];
    expect(chapterAt(chapters, 5_999)).toBe(0);
    expect(chapterAt(chapters, 6_000)).toBe(1);
    expect(chapterAt([{ lessonMs: 1_000 }], 0)).toBe(-1);
  });
});
