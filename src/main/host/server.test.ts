import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { tempDir, tempStudio } from '../testing/tempStudio';
import {
  WIRE_BINARY_TYPE,
  createCallFrameWriter,
  encodeWire,
  encodeWireBinary,
  layOutWire,
} from '@shared/contract/wire';
import { CALLS_PATH, TOKEN_HEADER } from '@shared/contract/hostProtocol';
import { startBrowserHost } from './server';

async function hostWithRenderer() {
  const studio = tempStudio();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Flipside Studio</title>');
  const host = await startBrowserHost({ studio, rendererDir, port: 0 });
  onTestFinished(() => host.close());
  const origin = `http://127.0.0.1:${host.port}`;
  const rpc = (channel: string, body: unknown) =>
    fetch(`${origin}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(body),
    }).then((response) => response.json() as Promise<{ ok: boolean; value?: { id: string } }>);
  return { studio, host, origin, rpc };
}

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints an address carrying a long random token', async () => {
    const { host } = await hostWithRenderer();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('runs calls through the shared handler table', async () => {
    const { rpc } = await hostWithRenderer();
    const created = await rpc('app:projects.create', { title: 'Forces' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Forces' } });
  });

  it('pushes contract events to a WebSocket that shows the token', async () => {
    const { host, origin, rpc } = await hostWithRenderer();
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/events?token=${host.token}`, {
      headers: { host: `127.0.0.1:${host.port}` },
    });
    onTestFinished(() => socket.close());
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const message = new Promise<unknown>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))),
    );
    const created = await rpc('app:projects.create', { title: 'Energy' });
    await expect(message).resolves.toEqual({
      channel: 'app:projects.onDidChange',
      payload: { projectId: created.value?.id },
    });
  });

  it('serves media by byte range for seeking, only with the token', async () => {
    const { studio, host, origin } = await hostWithRenderer();
    fs.mkdirSync(path.join(studio.mediaRoot, 'p1'), { recursive: true });
    fs.writeFileSync(path.join(studio.mediaRoot, 'p1', 'take one.webm'), Buffer.from('0123456789'));
    const url = `${origin}/media/p1/take%20one.webm`;
    expect((await fetch(url)).status).toBe(401);
    const partial = await fetch(`${url}?token=${host.token}`, { headers: { range: 'bytes=2-5' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(partial.headers.get('content-type')).toBe('video/webm');
    expect(await partial.text()).toBe('2345');
  });

  it('refuses a port that is already taken with a clear error', async () => {
    const { studio, host } = await hostWithRenderer();
    await expect(startBrowserHost({ studio, rendererDir: tempDir(), port: host.port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('browser host bytes', () => {
  it('carries chunk bytes through the wire codec into the recording spool', async () => {
    const { studio, host, origin, rpc } = await hostWithRenderer();
    const project = (await rpc('app:projects.create', { title: 'Bytes' })).value;
    const lesson = (await rpc('app:lessons.add', { projectId: project?.id, title: 'One' })).value;
    const started = (await rpc('app:recordings.start', {
      lessonId: lesson?.id,
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    })) as unknown as { value: { takeId: string } };
    const response = await fetch(`${origin}/rpc/app:recordings.appendChunk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: encodeWire({
        takeId: started.value.takeId,
        role: 'screen',
        index: 0,
        atMs: 1000,
        data: new Uint8Array([1, 2, 3, 250]),
      }),
    });
    expect(await response.json()).toEqual({ ok: true, value: { bytes: 4 } });
    const part = path.join(studio.mediaRoot, project?.id ?? '', started.value.takeId, 'screen.part');
    expect([...fs.readFileSync(part)]).toEqual([1, 2, 3, 250]);
  });

  it('takes the page’s binary calls, bytes and all, and refuses one whose lengths do not add up', async () => {
    const { studio, host, origin, rpc } = await hostWithRenderer();
    const project = (await rpc('app:projects.create', { title: 'Binary' })).value;
    const lesson = (await rpc('app:lessons.add', { projectId: project?.id, title: 'One' })).value;
    const started = (await rpc('app:recordings.start', {
      lessonId: lesson?.id,
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    })) as unknown as { value: { takeId: string } };
    const send = (body: Uint8Array<ArrayBuffer>) =>
      fetch(`${origin}/rpc/app:recordings.appendChunk`, {
        method: 'POST',
        headers: { 'content-type': WIRE_BINARY_TYPE, [TOKEN_HEADER]: host.token },
        body,
      });
    const bytes = new Uint8Array(256 * 1024).map((_, index) => index % 251);
    const response = await send(
      encodeWireBinary({ takeId: started.value.takeId, role: 'screen', index: 0, atMs: 1000, data: bytes }),
    );
    expect(await response.json()).toEqual({ ok: true, value: { bytes: bytes.byteLength } });
    const part = path.join(studio.mediaRoot, project?.id ?? '', started.value.takeId, 'screen.part');
    expect(fs.readFileSync(part).equals(Buffer.from(bytes))).toBe(true);

    const truncated = await send(
      encodeWireBinary({ takeId: started.value.takeId, role: 'screen', index: 1, atMs: 2000, data: bytes }).slice(
        0,
        40,
      ),
    );
    expect(truncated.status).toBe(400);
    expect(fs.statSync(part).size).toBe(bytes.byteLength);
  });

  it('answers calls on the calls socket by id, bytes and all, refusing a bad frame and a missing token', async () => {
    const { studio, host, origin, rpc } = await hostWithRenderer();
    const project = (await rpc('app:projects.create', { title: 'Socket' })).value;
    const lesson = (await rpc('app:lessons.add', { projectId: project?.id, title: 'One' })).value;
    const started = (await rpc('app:recordings.start', {
      lessonId: lesson?.id,
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    })) as unknown as { value: { takeId: string } };
    const address = `${origin.replace('http', 'ws')}${CALLS_PATH}`;
    const refused = new WebSocket(address, { headers: { host: `127.0.0.1:${host.port}` } });
    await expect(
      new Promise((resolve, reject) => (refused.on('open', resolve), refused.on('error', reject))),
    ).rejects.toThrow('401');

    const socket = new WebSocket(`${address}?token=${host.token}`, { headers: { host: `127.0.0.1:${host.port}` } });
    onTestFinished(() => socket.close());
    await new Promise((resolve) => socket.on('open', resolve));
    const answers: unknown[] = [];
    const answered = (count: number) =>
      new Promise<void>((resolve) =>
        socket.on('message', (data: Buffer) => answers.push(JSON.parse(data.toString('utf8'))) === count && resolve()),
      );
    const bothAnswered = answered(2);
    const bytes = new Uint8Array(512 * 1024).map((_, index) => index % 253);
    socket.send(
      createCallFrameWriter()(
        7,
        'app:recordings.appendChunk',
        layOutWire({ takeId: started.value.takeId, role: 'screen', index: 0, atMs: 1000, data: bytes }),
      ),
    );
    const broken = createCallFrameWriter()(8, 'app:recordings.appendChunk', layOutWire({ data: bytes })).slice(0, 100);
    socket.send(broken);
    await bothAnswered;
    expect(answers[0]).toEqual({ id: 7, result: { ok: true, value: { bytes: bytes.byteLength } } });
    expect(answers[1]).toMatchObject({ id: 8, result: { ok: false, error: { code: 'invalid_input' } } });
    const part = path.join(studio.mediaRoot, project?.id ?? '', started.value.takeId, 'screen.part');
    expect(fs.readFileSync(part).equals(Buffer.from(bytes))).toBe(true);
  });
});
