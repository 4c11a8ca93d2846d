import { describe, expect, it } from 'vitest';
import { checkMediaUrl, packageUrls } from './urlPolicy';

const web = { baseUrl: 'https://school.example/course/lesson-1/index.html?attempt=2' };
const disk = { baseUrl: 'file:///home/amina/Lesson/index.html' };

describe('checkMediaUrl', () => {
  it('allows relative paths inside the package folder', () => {
    expect(checkMediaUrl('media/video.mp4', 'media', web)).toEqual({
      ok: true,
      url: 'https://school.example/course/lesson-1/media/video.mp4',
    });
    expect(checkMediaUrl('./captions/en.vtt', 'captions', disk)).toEqual({
      ok: true,
      url: 'file:///home/amina/Lesson/captions/en.vtt',
    });
    expect(checkMediaUrl('media/a/../b.mp4', 'media', web).ok).toBe(true);
  });

  it('refuses paths that leave the folder, however spelled', () => {
    for (const raw of [
      '../other/video.mp4',
      'media/../../x.mp4',
      '%2e%2e/x.mp4',
      '/etc/passwd',
      '//evil.example/v.mp4',
      'media\\..\\..\\x',
    ]) {
      expect(checkMediaUrl(raw, 'media', web).ok, raw).toBe(false);
      expect(checkMediaUrl(raw, 'media', disk).ok, raw).toBe(false);
    }
  });

  it('refuses script and data addresses, except a data image for the poster', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>1</script>',
      'vbscript:x',
    ]) {
      expect(checkMediaUrl(raw, 'media', web).ok, raw).toBe(false);
    }
    expect(checkMediaUrl('data:image/png;base64,iVBORw0KGgo=', 'poster', web).ok).toBe(true);
    expect(checkMediaUrl('data:image/svg+xml;base64,PHN2Zz4=', 'poster', web).ok).toBe(false);
    expect(checkMediaUrl('data:image/png;base64,iVBORw0KGgo=', 'media', web).ok).toBe(false);
  });

  it('allows blob: and same-origin absolute addresses, refuses other origins', () => {
    expect(checkMediaUrl('blob:https://school.example/1234', 'media', web).ok).toBe(true);
    expect(checkMediaUrl('https://school.example/media/v.mp4', 'media', web).ok).toBe(true);
    expect(checkMediaUrl('https://evil.example/v.mp4', 'media', web)).toEqual({
      ok: false,
      reason: 'it points to another website',
    });
    expect(checkMediaUrl('http://school.example/v.mp4', 'media', web).ok).toBe(false);
    expect(checkMediaUrl('file:///etc/passwd', 'media', disk).ok).toBe(false);
  });

  it('allows the page’s own origin whatever its scheme (the editor’s preview on app://studio), no other', () => {
    const preview = { baseUrl: 'app://studio/index.html#/lesson/x/edit' };
    expect(checkMediaUrl('app://studio/media/p/t/screen.mp4', 'media', preview).ok).toBe(true);
    expect(checkMediaUrl('app://other/x.mp4', 'media', preview).ok).toBe(false);
    expect(checkMediaUrl('app-media://media/p/t/screen.mp4', 'media', preview).ok).toBe(false);
    expect(checkMediaUrl('javascript:alert(1)', 'media', preview).ok).toBe(false);
  });
});

describe('packageUrls', () => {
  it('lists every address with what it is', () => {
    const urls = packageUrls({
      renditions: [{ label: '720p', src: 'a.mp4' }],
      poster: 'p.jpg',
      captions: [{ label: 'English', src: 'en.vtt' }],
    });
    expect(urls.map((entry) => entry.kind)).toEqual(['media', 'poster', 'captions']);
  });
});
