import { RENDERER_CSP } from '../csp';
import { fileResponse } from '../media/fileResponse';
import { resolveInside } from '../media/resolveInside';
import { MEDIA_PATH } from '@shared/contract/hostProtocol';

export interface AppHandlerOptions {
  /** The built renderer (out/renderer). */
  rendererRoot: string;
  /** The library's media folder, served under /media/. */
  mediaRoot: string;
  /**
   * The URL authority this handler answers for: Electron's `studio` (app://studio). Null where the transport has
   * already checked whom the request is for (the browser host checks the Host header and the token first).
   */
  authority: string | null;
}

export type AppHandler = (request: Request) => Promise<Response>;

/** Sent with everything the handler answers, UI and media alike (and the browser host's own answers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The UI and its media on one origin, answered by one function: Electron's `protocol.handle('app', …)` calls it with
 * Chromium's requests, and the browser host adapts Node's requests to it. So the CSP, the headers, the byte ranges
 * and every refusal a test sees in Chromium are the ones the app gives. `/media/<path>` is a file under the media
 * folder (path-checked by resolveInside); anything else is a file of the built renderer.
 */
export function createAppHandler(options: AppHandlerOptions): AppHandler {
  return async (request) => {
    const method = request.method === 'GET' || request.method === 'HEAD' ? request.method : null;
    if (!method) return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const url = new URL(request.url);
    if (options.authority !== null && url.host !== options.authority) return plain(404, 'Not found');
    const range = request.headers.get('range');

    if (url.pathname.startsWith(MEDIA_PATH)) {
      const file = await resolveInside(options.mediaRoot, url.pathname.slice(MEDIA_PATH.length - 1));
      if (!file) return plain(404, 'Not found');
      return withHeaders(await fileResponse(file, range, method), SECURITY_HEADERS);
    }

    const file = await resolveInside(options.rendererRoot, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return plain(404, 'Not found');
    return withHeaders(await fileResponse(file, range, method), {
      ...SECURITY_HEADERS,
      // On every file, not only the page: a worker takes its policy from its own script's response.
      'Content-Security-Policy': RENDERER_CSP,
      'Cache-Control': 'no-store',
    });
  };
}

function plain(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

function withHeaders(response: Response, extra: Readonly<Record<string, string>>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
