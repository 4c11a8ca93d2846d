import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir, tempStudio } from '../testing/tempStudio';
import { CALLS_PATH, EVENTS_PATH } from '@shared/contract/hostProtocol';
import { startBrowserHost, type BrowserHost } from './server';

/**
 * What a hostile or broken client can send the browser host, as raw bytes on a socket (no client library would
 * send most of these). Every one must be answered or dropped, and the host must keep serving afterwards.
 */
async function startHost(): Promise<BrowserHost> {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Flipside Studio</title>');
  const host = await startBrowserHost({ studio: tempStudio(), rendererDir, port: 0 });
  onTestFinished(() => host.close());
  return host;
}

/** Writes `bytes`, then collects everything the host sends until it closes the socket or goes quiet. */
function exchange(port: number, bytes: Buffer | string, afterHandshake?: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let quiet: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(quiet);
      socket.destroy();
      resolve(Buffer.concat(received).toString('latin1'));
    };
    const waitQuiet = () => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, 500);
    };
    socket.on('connect', () => {
      socket.write(bytes);
      waitQuiet();
    });
    socket.on('data', (chunk) => {
      received.push(chunk);
      if (afterHandshake && Buffer.concat(received).includes('\r\n\r\n') && received.length === 1)
        socket.write(afterHandshake);
      waitQuiet();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? finish() : reject(error)));
  });
}

function upgrade(target: string, host: string | null): string {
  return [
    `GET ${target} HTTP/1.1`,
    ...(host === null ? [] : [`Host: ${host}`]),
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

/** One client frame; `mask` false breaks RFC 6455 §5.1 (a client must mask). */
function frame(options: { opcode: number; payload: Buffer; mask?: boolean; rsv?: number; length?: number }): Buffer {
  const { opcode, payload, mask = true, rsv = 0 } = options;
  const length = options.length ?? payload.length;
  const head: number[] = [0x80 | (rsv << 4) | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    head.push(maskBit | 127, 0, 0, 0, 0);
    head.push((length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  }
  const key = Buffer.from([1, 2, 3, 4]);
  const body = mask ? payload.map((byte, index) => byte ^ (key[index % 4] as number)) : payload;
  return Buffer.concat([Buffer.from(head), ...(mask ? [key] : []), Buffer.from(body)]);
}

async function stillServes(host: BrowserHost): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${host.port}/`);
  expect(response.status).toBe(200);
}

describe('browser host against malformed requests', () => {
  it('answers 400 to a WebSocket upgrade with a malformed Host or target, and keeps serving', async () => {
    const host = await startHost();
    const good = `127.0.0.1:${host.port}`;
    const cases: [string, string | null][] = [
      [`${EVENTS_PATH}?token=${host.token}`, '['],
      [`${EVENTS_PATH}?token=${host.token}`, ''],
      [`${EVENTS_PATH}?token=${host.token}`, null],
      [`${EVENTS_PATH}?token=${host.token}`, 'a b'],
      [`${EVENTS_PATH}?token=${host.token}`, '127.0.0.1:99999'],
      ['http://[', good],
      [`http://[${EVENTS_PATH}`, good],
    ];
    for (const [target, hostHeader] of cases) {
      const answer = await exchange(host.port, upgrade(target, hostHeader));
      expect(answer.split('\r\n')[0], `${target} with Host ${String(hostHeader)}`).toBe('HTTP/1.1 400 Bad Request');
    }
    await stillServes(host);
  });

  it('answers 400 to a plain request whose target cannot be read, not 500', async () => {
    const host = await startHost();
    for (const target of ['http://[', '//[']) {
      const answer = await exchange(host.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
      expect(answer.split('\r\n')[0], target).toMatch(/^HTTP\/1\.1 400 /);
    }
    await stillServes(host);
  });

  it('answers a call whose name is not valid percent-encoding as an unknown call', async () => {
    const host = await startHost();
    const response = await fetch(`http://127.0.0.1:${host.port}/rpc/%E0%A4%A`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flipside-token': host.token },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    await stillServes(host);
  });

  for (const socketPath of [EVENTS_PATH, CALLS_PATH]) {
    it(`closes ${socketPath} on a broken frame without falling over`, async () => {
      const host = await startHost();
      const open = upgrade(`${socketPath}?token=${host.token}`, `127.0.0.1:${host.port}`);
      const broken: [string, Buffer][] = [
        ['an oversized frame', frame({ opcode: 2, payload: Buffer.alloc(16), length: 2 ** 31 })],
        ['invalid UTF-8 in a text frame', frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28, 0xff]) })],
        ['a reserved opcode', frame({ opcode: 3, payload: Buffer.from('x') })],
        ['reserved bits set', frame({ opcode: 2, payload: Buffer.from('x'), rsv: 4 })],
        ['an unmasked frame', frame({ opcode: 2, payload: Buffer.from('hello'), mask: false })],
      ];
      for (const [what, bytes] of broken) {
        const answer = await exchange(host.port, open, bytes);
        expect(answer.split('\r\n')[0], what).toBe('HTTP/1.1 101 Switching Protocols');
        // The host closes with a close frame (opcode 8) carrying a protocol error code, then the socket ends.
        const afterHandshake = Buffer.from(answer.slice(answer.indexOf('\r\n\r\n') + 4), 'latin1');
        expect(afterHandshake[0], what).toBe(0x88);
        await stillServes(host);
      }
    });
  }
});
