import { net, protocol, session } from 'electron';
import { createAppHandler } from '../protocol/appHandler';
import { MEDIA_PATH } from '@shared/contract/hostProtocol';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/**
 * Must run before the app is ready: Chromium fixes scheme privileges at start-up. `standard` gives the UI a real
 * origin (storage, relative URLs), `secure` lets it use camera and screen capture, `supportFetchAPI` lets the
 * render and filmstrip workers fetch media, `stream` lets media elements read takes progressively and seek. The
 * media share the UI's origin, so the scheme needs no `corsEnabled` and the CSP no other scheme.
 */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  rendererRoot: string;
  /** The library's media folder; `app://studio/media/<path>` serves files under it. */
  mediaRoot: string;
  /** electron-vite's dev server, when the UI is loaded from it (development only). */
  devServerUrl: string | undefined;
}

/** Serves the UI and its media from disk on app://studio, each confined to its own folder. Call once ready. */
export function handleAppProtocols(options: AppProtocolOptions): void {
  const handler = createAppHandler({
    rendererRoot: options.rendererRoot,
    mediaRoot: options.mediaRoot,
    authority: APP_HOST,
  });
  protocol.handle(APP_SCHEME, handler);
  if (options.devServerUrl) serveMediaOnDevServer(options.devServerUrl, handler);
}

/**
 * In development the UI comes from the dev server (for hot reload), so its media must come from that origin too:
 * `/media/…` requests to it are answered by the same handler, everything else goes to the dev server untouched.
 */
function serveMediaOnDevServer(devServerUrl: string, handler: (request: Request) => Promise<Response>): void {
  const devOrigin = new URL(devServerUrl).origin;
  session.defaultSession.protocol.handle('http', (request) => {
    const url = new URL(request.url);
    if (url.origin !== devOrigin || !url.pathname.startsWith(MEDIA_PATH))
      return net.fetch(request, { bypassCustomProtocolHandlers: true });
    const mediaUrl = `${APP_SCHEME}://${APP_HOST}${url.pathname}${url.search}`;
    return handler(new Request(mediaUrl, { method: request.method, headers: request.headers }));
  });
}
