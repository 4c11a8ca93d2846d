import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../csp';
import { createAppHandler, type AppHandler } from './appHandler';

// Layout: <base>/renderer/{index.html,assets/app.js}, <base>/data/{library.sqlite,media/p/take 1.mp4}, <base>/secret.
const TAKE = Buffer.from('0123456789abcdefghij');
let base: string;
let handle: AppHandler;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-app-handler-')));
  const renderer = path.join(base, 'renderer');
  const media = path.join(base, 'data', 'media');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(media, 'p'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Flipside Studio</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(base, 'data', 'library.sqlite'), 'SQLite format 3');
  fs.writeFileSync(path.join(media, 'p', 'take 1.mp4'), TAKE);
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(media, 'p', 'out.mp4'));
  fs.symlinkSync(path.join(base, 'data'), path.join(media, 'p', 'up'));
  handle = createAppHandler({ rendererRoot: renderer, mediaRoot: media, authority: 'studio' });
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  handle(new Request(url, { method, headers }));
const text = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString();
const TAKE_URL = 'app://studio/media/p/take%201.mp4';

describe('the app:// handler (Electron calls it directly; the browser host adapts to it)', () => {
  it('serves the UI with the one CSP, no caching and the security headers', async () => {
    for (const url of ['app://studio/', 'app://studio/index.html', 'app://studio/assets/app.js']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toBe(RENDERER_CSP);
      expect(response.headers.get('cache-control'), url).toBe('no-store');
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('cross-origin-resource-policy'), url).toBe('same-origin');
      expect(response.headers.get('referrer-policy'), url).toBe('no-referrer');
    }
    expect((await get('app://studio/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('app://studio/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('serves media on the same origin, whole, with its type and length, and no CORS opening', async () => {
    const response = await get(TAKE_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-length')).toBe('20');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await text(response)).toBe(TAKE.toString());
  });

  it('answers byte ranges as a media element seeking expects', async () => {
    const cases: [string, number, string | null, string][] = [
      ['bytes=2-5', 206, 'bytes 2-5/20', '2345'],
      ['bytes=15-', 206, 'bytes 15-19/20', 'fghij'],
      ['bytes=-3', 206, 'bytes 17-19/20', 'hij'],
      ['bytes=10-400', 206, 'bytes 10-19/20', 'abcdefghij'],
      ['bytes=9-3', 200, null, TAKE.toString()],
      ['bytes=0-1,4-5', 200, null, TAKE.toString()],
      ['bytes=x-y', 200, null, TAKE.toString()],
      ['pages=1-2', 200, null, TAKE.toString()],
    ];
    for (const [range, status, contentRange, body] of cases) {
      const response = await get(TAKE_URL, { range });
      expect(response.status, range).toBe(status);
      expect(response.headers.get('content-range'), range).toBe(contentRange);
      expect(response.headers.get('content-length'), range).toBe(String(body.length));
      expect(await text(response), range).toBe(body);
    }
  });

  it('answers 416 with the size for a range that starts past the end, or an empty suffix', async () => {
    for (const range of ['bytes=20-', 'bytes=30-40', 'bytes=-0']) {
      const response = await get(TAKE_URL, { range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe('bytes */20');
      expect(await text(response), range).toBe('');
    }
  });

  it('answers HEAD with the headers and no body, and refuses other methods', async () => {
    const head = await get(TAKE_URL, { range: 'bytes=0-3' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('4');
    expect(head.body).toBeNull();
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await get(TAKE_URL, {}, method);
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get('allow'), method).toBe('GET, HEAD');
    }
  });

  it('refuses dot segments, encoded separators, NUL and symlinks that lead out of the media folder', async () => {
    for (const pathname of [
      '/media/../library.sqlite',
      '/media/%2e%2e/library.sqlite',
      '/media/p/..%2f..%2flibrary.sqlite',
      '/media/p%2F..%2F..%2Flibrary.sqlite',
      '/media/p/..%5c..%5clibrary.sqlite',
      '/media/p/take%201.mp4%00',
      '/media/p/out.mp4',
      '/media/p/up/library.sqlite',
      '/media/p/%E0%A4%A',
      '/media/p/missing.mp4',
      '/media/p',
      '/media/',
      '/library.sqlite',
      '/../data/library.sqlite',
    ]) {
      const response = await get(`app://studio${pathname}`);
      expect(response.status, pathname).toBe(404);
      expect(await text(response), pathname).toBe('Not found');
    }
  });

  it('answers only for its own authority', async () => {
    for (const url of ['app://evil/media/p/take%201.mp4', 'app://studio.evil/', 'app://studio:8080/']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('serves any authority the transport has vouched for when built without one (the browser host)', async () => {
    const hostHandler = createAppHandler({
      rendererRoot: path.join(base, 'renderer'),
      mediaRoot: path.join(base, 'data', 'media'),
      authority: null,
    });
    const response = await hostHandler(new Request('http://127.0.0.1:4321/media/p/take%201.mp4?token=t'));
    expect(response.status).toBe(200);
    expect(await text(response)).toBe(TAKE.toString());
  });
});
