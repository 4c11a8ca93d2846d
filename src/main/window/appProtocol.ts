import { protocol } from 'electron';
import { fileResponse } from '../media/fileResponse';
import { resolveInside } from '../media/resolveInside';
import { RENDERER_CSP } from '../csp';
import { APP_HOST, APP_SCHEME, MEDIA_HOST, MEDIA_SCHEME } from './appOrigin';

/**
 * Must run before the app is ready: Chromium fixes scheme privileges at start-up. `standard` gives the UI a real
 * origin (storage, relative URLs), `secure` lets it use camera and screen capture, `stream` lets media elements
 * read takes progressively and seek.
 */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  rendererRoot: string;
  /** The library's media folder; `app-media://media/<path>` serves files under it. */
  mediaRoot: string;
}

/** Serves the UI and the media from disk, each confined to its own folder. Call after the app is ready. */
export function handleAppProtocols(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const method = readMethod(request);
    if (!method) return plain(405, 'Method not allowed');
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    const filePath = await resolveInside(options.rendererRoot, pathname);
    if (!filePath) return plain(404, 'Not found');
    return withPolicy(await fileResponse(filePath, request.headers.get('range'), method));
  });

  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const method = readMethod(request);
    if (!method) return plain(405, 'Method not allowed');
    if (url.host !== MEDIA_HOST) return plain(404, 'Not found');
    const filePath = await resolveInside(options.mediaRoot, url.pathname);
    if (!filePath) return plain(404, 'Not found');
    return fileResponse(filePath, request.headers.get('range'), method);
  });
}

function readMethod(request: Request): 'GET' | 'HEAD' | null {
  return request.method === 'GET' || request.method === 'HEAD' ? request.method : null;
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

function withPolicy(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', RENDERER_CSP);
  return new Response(response.body, { status: response.status, headers });
}
