import { describe, expect, it } from 'vitest';
import { containerOf, planPlayable } from './playableContainer';

describe('planPlayable', () => {
  it('keeps WebM codecs in WebM and puts everything else browsers play into MP4', () => {
    expect(planPlayable({ container: 'mkv', videoCodec: 'vp9', audioCodec: 'opus' })).toEqual({
      kind: 'remux',
      container: 'webm',
    });
    expect(planPlayable({ container: 'mkv', videoCodec: 'avc', audioCodec: 'aac' })).toEqual({
      kind: 'remux',
      container: 'mp4',
    });
    expect(planPlayable({ container: 'ts', videoCodec: 'avc', audioCodec: 'aac' })).toEqual({
      kind: 'remux',
      container: 'mp4',
    });
    expect(planPlayable({ container: 'mp4', videoCodec: 'avc', audioCodec: 'opus' })).toEqual({
      kind: 'remux',
      container: 'mp4',
    });
  });

  it('keeps audio files browsers play as they are', () => {
    expect(planPlayable({ container: 'wav', videoCodec: null, audioCodec: 'pcm-s16' })).toEqual({
      kind: 'copy',
      extension: 'wav',
    });
    expect(planPlayable({ container: 'mp3', videoCodec: null, audioCodec: 'mp3' })).toEqual({
      kind: 'copy',
      extension: 'mp3',
    });
  });

  it('converts only the streams browsers cannot play (or that MP4 cannot hold), copying the others', () => {
    expect(planPlayable({ container: 'mp4', videoCodec: 'hevc', audioCodec: 'aac' })).toEqual({
      kind: 'transcode',
      video: 'encode',
      audio: 'copy',
    });
    expect(planPlayable({ container: 'mkv', videoCodec: 'avc', audioCodec: 'ac3' })).toEqual({
      kind: 'transcode',
      video: 'copy',
      audio: 'encode',
    });
    expect(planPlayable({ container: 'mp4', videoCodec: 'unknown', audioCodec: 'pcm-s16' })).toEqual({
      kind: 'transcode',
      video: 'encode',
      audio: 'encode',
    });
    expect(planPlayable({ container: 'mkv', videoCodec: 'vp8', audioCodec: 'aac' })).toEqual({
      kind: 'transcode',
      video: 'encode',
      audio: 'copy',
    });
    expect(planPlayable({ container: 'mp4', videoCodec: null, audioCodec: 'eac3' })).toEqual({
      kind: 'transcode',
      video: null,
      audio: 'encode',
    });
    expect(planPlayable({ container: 'mp4', videoCodec: null, audioCodec: null })).toEqual({ kind: 'notMedia' });
  });
});

describe('containerOf', () => {
  it('names containers by what mediabunny reads', () => {
    expect(containerOf('Matroska')).toBe('mkv');
    expect(containerOf('WebM')).toBe('mkv');
    expect(containerOf('QuickTime File Format')).toBe('mp4');
    expect(containerOf('MP4')).toBe('mp4');
    expect(containerOf('WAVE')).toBe('wav');
    expect(containerOf('MPEG Transport Stream')).toBe('ts');
    expect(containerOf('ADTS')).toBe('aac');
  });
});
