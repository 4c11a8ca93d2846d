import { describe, expect, it } from 'vitest';
import { captionDefaults, checkWebVtt, parseTimestamp } from '.';

const vtt = (...lines: string[]) => lines.join('\n');

describe('checkWebVtt', () => {
  it('accepts cues with hours, without hours, with identifiers, settings, notes and CRLF', () => {
    const text = [
      'WEBVTT - a lecture',
      'Kind: captions',
      '',
      'NOTE made by hand',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.000 align:start',
      'Hello <i>class</i>',
      '',
      '00:05.000 --> 00:07.250',
      'Forces',
      '',
    ].join('\r\n');
    expect(checkWebVtt(`\uFEFF${text}`)).toEqual({ ok: true, cueCount: 2 });
  });

  it('names the first bad line in plain words', () => {
    expect(checkWebVtt('1\n00:00:01.000 --> 00:00:02.000')).toEqual({
      ok: false,
      line: 1,
      message: 'Line 1: a captions file must start with “WEBVTT”',
    });
    const bad = vtt(
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'ok',
      '',
      'two',
      '00:00:03,000 --> 00:00:04.000',
      'comma, as SRT writes it',
    );
    expect(checkWebVtt(bad)).toMatchObject({
      ok: false,
      line: 7,
      message: expect.stringMatching(/^Line 7: the cue timing is not valid/),
    });
    expect(checkWebVtt(vtt('WEBVTT', '', '00:00:05.000 --> 00:00:04.000', 'backwards'))).toMatchObject({
      line: 3,
      message: 'Line 3: the cue ends before or when it starts',
    });
    expect(checkWebVtt(vtt('WEBVTT', '', '00:00:61.000 --> 00:01:04.000', 'x'))).toMatchObject({ line: 3 });
    expect(checkWebVtt(vtt('WEBVTT', '', 'just text', 'no timing'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/needs a timing line/),
    });
    expect(checkWebVtt(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a', '00:03.000 --> 00:04.000'))).toMatchObject({
      line: 5,
      message: expect.stringMatching(/empty line between them/),
    });
    expect(checkWebVtt(vtt('WEBVTT', '00:01.000 --> 00:02.000'))).toMatchObject({ line: 2 });
    expect(checkWebVtt('WEBVTTX')).toMatchObject({ ok: false, line: 1 });
  });

  it('counts no cues in a header-only file', () => {
    expect(checkWebVtt('WEBVTT\n')).toEqual({ ok: true, cueCount: 0 });
  });

  it('reads timestamps to milliseconds', () => {
    expect(parseTimestamp('01:02:03.456')).toBe(3_723_456);
    expect(parseTimestamp('02:03.456')).toBe(123_456);
    expect(parseTimestamp('2:03.456')).toBeNull();
    expect(parseTimestamp('00:00:01.5')).toBeNull();
  });
});

describe('captionDefaults', () => {
  it('reads the language from the file name, else the fallback', () => {
    expect(captionDefaults('lecture.fr.vtt')).toEqual({ label: 'Français', srclang: 'fr' });
    expect(captionDefaults('lecture-en_gb.vtt')).toEqual({ label: 'English', srclang: 'en-GB' });
    expect(captionDefaults('lecture.vtt', 'de')).toEqual({ label: 'Deutsch', srclang: 'de' });
    expect(captionDefaults('intro-to-physics.vtt')).toEqual({ label: 'English', srclang: 'en' });
  });
});
