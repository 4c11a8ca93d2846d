/** The browser host's wire: shared by the server in main and the transport in the renderer. */
export const TOKEN_HEADER = 'x-flipside-token';
export const RPC_PATH = '/rpc/';
export const EVENTS_PATH = '/events';
export const MEDIA_PATH = '/media/';
/** A WebSocket for calls that carry bytes (render output): see `callFrame` in wire.ts. */
export const CALLS_PATH = '/calls';
/** Calls whose binary body is at least this big go over the calls socket; smaller ones over HTTP. */
export const SOCKET_CALL_BYTES = 256 * 1024;

/**
 * Where a media file (a path relative to the media folder, as takes and renders give it) is loaded from: always the
 * UI's own origin, so workers may fetch it under `connect-src 'self'` with no CORS. Electron's app://studio and the
 * browser host both serve `/media/…`; the host also wants its launch token, which Electron's IPC does not need.
 */
export function mediaPathOf(relativePath: string, token: string | null): string {
  const encoded = relativePath.split('/').map(encodeURIComponent).join('/');
  return `${MEDIA_PATH}${encoded}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}
