import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Studio } from '../studio';
import { createAppHandler } from '../protocol/appHandler';
import { CALLS_PATH, EVENTS_PATH, MEDIA_PATH, RPC_PATH, TOKEN_HEADER } from '@shared/contract/hostProtocol';
import { createCallSockets } from './callSocket';
import {
  MAX_BODY_BYTES,
  judgeHost,
  pipeResponse,
  readCallBody,
  readTarget,
  refuseUpgrade,
  jsonResponse,
  toFetchRequest,
} from './httpAdapter';

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
 * through DNS rebinding. The UI and the media are answered by Electron's own app:// handler (parity: the CSP,
 * headers, ranges and refusals a test sees are the app's); only the transport (token, Host, calls, events) is ours.
 * A request the host cannot read gets 400, and nothing a client sends can take the host down.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const app = createAppHandler({
    rendererRoot: options.rendererDir,
    mediaRoot: options.studio.mediaRoot,
    authority: null,
  });
  let port = 0;

  const tokenMatches = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  server.on('request', (request, response) => {
    answer(request)
      .then((result) => pipeResponse(result, response))
      .catch((error: unknown) => {
        console.error('Browser host request failed:', error);
        if (!response.headersSent) void pipeResponse(jsonResponse(500, { error: 'Internal error' }), response);
        else response.destroy();
      });
  });

  async function answer(request: http.IncomingMessage): Promise<Response> {
    const host = judgeHost(request.headers.host, port);
    const url = readTarget(request.url, port);
    if (host === 'malformed' || !url) return jsonResponse(400, { error: 'Bad request' });
    if (host === 'foreign') return jsonResponse(403, { error: 'Unknown host' });

    if (url.pathname.startsWith(RPC_PATH)) {
      if (!tokenMatches(request.headers[TOKEN_HEADER] as string | undefined))
        return jsonResponse(401, { error: 'Missing or wrong token' });
      if (request.method !== 'POST') return jsonResponse(405, { error: 'Use POST' });
      const channel = decodeChannel(url.pathname.slice(RPC_PATH.length));
      if (channel === null)
        return jsonResponse(400, {
          ok: false,
          error: { code: 'unknown_call', message: 'The call’s name is not valid percent-encoding' },
        });
      const body = await readCallBody(request);
      if (!body.ok)
        return jsonResponse(body.status, { ok: false, error: { code: 'invalid_input', message: body.message } });
      return jsonResponse(200, await options.studio.dispatcher.dispatch(channel, body.value));
    }

    if (url.pathname.startsWith(MEDIA_PATH) && !tokenMatches(url.searchParams.get('token')))
      return jsonResponse(401, { error: 'Missing or wrong token' });
    return app(toFetchRequest(request, url));
  }

  const callSockets = createCallSockets(options.studio, MAX_BODY_BYTES);
  server.on('upgrade', (request: http.IncomingMessage, socket, head: Buffer) => {
    // A client that resets mid-handshake must not become an unhandled 'error' on a socket nobody listens to.
    socket.on('error', () => socket.destroy());
    const host = judgeHost(request.headers.host, port);
    const url = readTarget(request.url, port);
    const target = url?.pathname === EVENTS_PATH ? sockets : url?.pathname === CALLS_PATH ? callSockets : null;
    if (host === 'malformed' || !url) refuseUpgrade(socket, 400, 'Bad Request');
    else if (host === 'foreign') refuseUpgrade(socket, 403, 'Forbidden');
    else if (!target) refuseUpgrade(socket, 404, 'Not Found');
    else if (!tokenMatches(url.searchParams.get('token'))) refuseUpgrade(socket, 401, 'Unauthorized');
    else target.handleUpgrade(request, socket, head, (client) => target.emit('connection', client));
  });

  const clients = new Set<WebSocket>();
  sockets.on('connection', (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    // A broken frame (too big, bad UTF-8, reserved bits or opcode, unmasked): ws has already closed the socket
    // with the matching status code; the page reconnects, and the error needs no other answer.
    client.on('error', () => undefined);
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

/** `/rpc/<channel>`'s name, or null when its percent-encoding is broken (`%E0%A4%A`). */
function decodeChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
