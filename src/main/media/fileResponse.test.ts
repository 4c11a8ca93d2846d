import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileResponse } from './fileResponse';

const CONTENT = Buffer.from('0123456789abcdefghij');
let dir: string;
let take: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-file-response-'));
  take = path.join(dir, 'take.mp4');
  fs.writeFileSync(take, CONTENT);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function bodyOf(response: Response): Promise<string> {
  return Buffer.from(await response.arrayBuffer()).toString();
}

describe('fileResponse', () => {
  it('answers 404 for a file removed after it was vetted, instead of failing the request', async () => {
    const gone = path.join(dir, 'discarded.mp4');
    fs.writeFileSync(gone, CONTENT);
    fs.rmSync(gone);
    const response = await fileResponse(gone, 'bytes=0-');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-range')).toBeNull();
  });

  it('streams the whole file with its type and length when no range is asked', async () => {
    const response = await fileResponse(take, null);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('20');
    expect(response.headers.get('content-range')).toBeNull();
    expect(await bodyOf(response)).toBe(CONTENT.toString());
  });

  it('answers start-end with 206 and exactly those bytes', async () => {
    const response = await fileResponse(take, 'bytes=2-5');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-5/20');
    expect(response.headers.get('content-length')).toBe('4');
    expect(await bodyOf(response)).toBe('2345');
  });

  it('answers an open-ended range to the end', async () => {
    const response = await fileResponse(take, 'bytes=15-');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 15-19/20');
    expect(await bodyOf(response)).toBe('fghij');
  });

  it('answers a suffix range with the last bytes', async () => {
    const response = await fileResponse(take, 'bytes=-3');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 17-19/20');
    expect(await bodyOf(response)).toBe('hij');
  });

  it('answers 416 with the size for a range beyond the end', async () => {
    const response = await fileResponse(take, 'bytes=20-30');
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */20');
    expect(await bodyOf(response)).toBe('');
  });

  it('serves the whole file for a malformed or multi-range header', async () => {
    for (const header of ['bytes=oops', 'bytes=0-1,4-5']) {
      const response = await fileResponse(take, header);
      expect(response.status, header).toBe(200);
      expect(await bodyOf(response)).toBe(CONTENT.toString());
    }
  });

  it('answers HEAD with the same headers and no body', async () => {
    const whole = await fileResponse(take, null, 'HEAD');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe('20');
    expect(whole.body).toBeNull();
    const partial = await fileResponse(take, 'bytes=0-9', 'HEAD');
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 0-9/20');
    expect(partial.body).toBeNull();
  });

  it('serves an empty file as an empty 200', async () => {
    const empty = path.join(dir, 'empty.webm');
    fs.writeFileSync(empty, '');
    const response = await fileResponse(empty, null);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/webm');
    expect(response.headers.get('content-length')).toBe('0');
    expect(await bodyOf(response)).toBe('');
  });

  it('falls back to octet-stream for an unknown extension', async () => {
    const other = path.join(dir, 'notes.xyz');
    fs.writeFileSync(other, 'x');
    expect((await fileResponse(other, null)).headers.get('content-type')).toBe('application/octet-stream');
  });
});
