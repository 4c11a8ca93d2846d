import { describe, expect, it } from 'vitest';
import { mediaPathOf } from './hostProtocol';

describe('mediaPathOf', () => {
  it('puts Electron’s media on the UI’s own origin, app://studio', () => {
    const url = new URL(mediaPathOf('p1/take 1/screen.webm', null), 'app://studio/index.html');
    expect(url.href).toBe('app://studio/media/p1/take%201/screen.webm');
  });

  it('puts the browser host’s media on the page’s origin, with the launch token', () => {
    const url = new URL(mediaPathOf('p1/t/camera.mp4', 'a-b_c'), 'http://127.0.0.1:4321/#/lesson/x');
    expect(url.origin).toBe('http://127.0.0.1:4321');
    expect(url.pathname).toBe('/media/p1/t/camera.mp4');
    expect(url.searchParams.get('token')).toBe('a-b_c');
  });

  it('encodes each name so a file name never adds a segment, a query or a fragment', () => {
    expect(mediaPathOf('p/a?b#c/d%2F..', null)).toBe('/media/p/a%3Fb%23c/d%252F..');
  });
});
