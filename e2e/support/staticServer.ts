import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AddressInfo } from 'node:net';
import { resolveInside } from '../../src/main/media/resolveInside';
import { fileResponse } from '../../src/main/media/fileResponse';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A static server on 127.0.0.1 for pages the tests host themselves (a player folder, a test LMS). It answers with
 * the app's own path check and range responder, so media seeks get 206 answers exactly as in the app. Each mount
 * maps a URL prefix ('' for the root) to a folder; a request for a folder's root gets its index.html. `api`, when
 * given, sees each request first and answers the ones it knows (a test LMS's own endpoints).
 */
export async function serveStatic(
  mounts: Record<string, string>,
  api?: (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<boolean>,
  /** A key and certificate: serve https on `localhost` (another origin than the http servers' 127.0.0.1). */
  tls?: { key: string; cert: string },
): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const handler: http.RequestListener = (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (api && (await api(request, response, url))) return;
      const mount = entries.find(([prefix]) => url.pathname.startsWith(`${prefix}/`));
      const relative = mount ? url.pathname.slice(mount[0].length) : '';
      const file = mount ? await resolveInside(mount[1], relative === '/' ? '/index.html' : relative) : null;
      if (!file) {
        response.writeHead(404).end('not found');
        return;
      }
      const answer = await fileResponse(
        file,
        request.headers.range ?? null,
        request.method === 'HEAD' ? 'HEAD' : 'GET',
      );
      answer.headers.forEach((value, name) => response.setHeader(name, value));
      response.setHeader('cache-control', 'no-store');
      response.writeHead(answer.status);
      if (answer.body) Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>).pipe(response);
      else response.end();
    })();
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
