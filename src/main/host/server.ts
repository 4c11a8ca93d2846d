import http from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Studio } from '../studio';
import { resolveInside } from '../media/resolveInside';
import { fileResponse } from '../media/fileResponse';
import { RENDERER_CSP } from '../csp';
import { WIRE_BINARY_TYPE, decodeWire, decodeWireBinary, encodeWire } from '@shared/contract/wire';
import { CALLS_PATH, EVENTS_PATH, MEDIA_PATH, RPC_PATH, TOKEN_HEADER } from '@shared/contract/hostProtocol';
import { createCallSockets } from './callSocket';

/** A 32 MiB chunk (the contract's largest) grows by a third as base64 (scripts' JSON calls). */
const MAX_BODY_BYTES = 48 * 1024 * 1024;

export interface BrowserHostOptions {
  studio: Studio;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface BrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the same handler table Electron's IPC uses, on 127.0.0.1 only. Calls, events and
 * media need the per-launch token; requests naming another Host are refused so a web page cannot reach the host
 * through DNS rebinding.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let port = 0;

  const hostAllowed = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const tokenMatches = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  server.on('request', (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('Browser host request failed:', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    });
  });

  async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!hostAllowed(request.headers.host)) {
      sendJson(response, 403, { error: 'Unknown host' });
      return;
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);

    if (url.pathname.startsWith(RPC_PATH)) {
      if (!tokenMatches(request.headers[TOKEN_HEADER] as string | undefined)) {
        sendJson(response, 401, { error: 'Missing or wrong token' });
        return;
      }
      if (request.method !== 'POST') {
        sendJson(response, 405, { error: 'Use POST' });
        return;
      }
      const body = await readCallBody(request);
      if (!body.ok) {
        sendJson(response, body.status, { ok: false, error: { code: 'invalid_input', message: body.message } });
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice(RPC_PATH.length));
      sendJson(response, 200, await options.studio.dispatcher.dispatch(channel, body.value));
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: 'Method not allowed' });
      return;
    }
    const method = request.method;

    if (url.pathname.startsWith(MEDIA_PATH)) {
      if (!tokenMatches(url.searchParams.get('token'))) {
        sendJson(response, 401, { error: 'Missing or wrong token' });
        return;
      }
      const file = await resolveInside(options.studio.mediaRoot, url.pathname.slice(MEDIA_PATH.length - 1));
      if (!file) {
        sendJson(response, 404, { error: 'Not found' });
        return;
      }
      return pipeResponse(await fileResponse(file, request.headers.range ?? null, method), response);
    }

    const file = await resolveInside(options.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) {
      sendJson(response, 404, { error: 'Not found' });
      return;
    }
    response.setHeader('Content-Security-Policy', RENDERER_CSP);
    response.setHeader('Cache-Control', 'no-store');
    return pipeResponse(await fileResponse(file, null, method), response);
  }

  const callSockets = createCallSockets(options.studio, MAX_BODY_BYTES);
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const target = url.pathname === EVENTS_PATH ? sockets : url.pathname === CALLS_PATH ? callSockets : null;
    if (!target || !hostAllowed(request.headers.host) || !tokenMatches(url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    target.handleUpgrade(request, socket, head, (client) => target.emit('connection', client));
  });

  const clients = new Set<WebSocket>();
  sockets.on('connection', (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    // Events flow one way; anything a page sends is ignored.
    client.on('message', () => undefined);
  });
  const stopForwarding = options.studio.events.listen((channel, payload) => {
    const message = JSON.stringify({ channel, payload });
    for (const client of clients) client.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      stopForwarding();
      for (const client of clients) client.terminate();
      for (const client of callSockets.clients) client.terminate();
      sockets.close();
      callSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setSecurityHeaders(response: http.ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = encodeWire(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string };

/** A call's input: JSON (scripts, the CLI's tests) or the page's binary form, which carries bytes without base64. */
async function readCallBody(request: http.IncomingMessage): Promise<BodyResult> {
  const type = request.headers['content-type'] ?? '';
  const binary = type.startsWith(WIRE_BINARY_TYPE);
  if (!binary && !type.startsWith('application/json')) {
    return { ok: false, status: 415, message: `Send the call as application/json or ${WIRE_BINARY_TYPE}` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'The call is larger than 48 MiB' };
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (binary) {
    try {
      return { ok: true, value: decodeWireBinary(body) };
    } catch (error) {
      return { ok: false, status: 400, message: `The call body is not valid: ${(error as Error).message}` };
    }
  }
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: decodeWire(text) };
  } catch {
    return { ok: false, status: 400, message: 'The call body is not valid JSON' };
  }
}

async function pipeResponse(source: Response, target: http.ServerResponse): Promise<void> {
  source.headers.forEach((value, name) => target.setHeader(name, value));
  target.writeHead(source.status);
  if (!source.body) {
    target.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(source.body as WebReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(target)
      .on('finish', resolve)
      .on('close', resolve);
  });
}
