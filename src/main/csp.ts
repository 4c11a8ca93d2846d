/**
 * The one Content-Security-Policy for the UI: Electron's app:// handler and the browser host send it from the same
 * module (src/main/protocol/appHandler.ts), and the renderer's index.html carries it in a meta tag (a test keeps the
 * two equal) for the dev server, which sends no header.
 *
 * The UI and its media share one origin in both transports (app://studio/media/…, or /media/… on the host), so
 * 'self' covers the workers' fetches and the media elements; no other scheme is named. No 'wasm-unsafe-eval': no
 * WebAssembly runs in the renderer (ffmpeg.wasm runs in a Node worker_thread in main; mediabunny is plain
 * JavaScript). worker-src keeps blob: for mediabunny's timer worker, which it builds from a Blob.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
