/**
 * The one Content-Security-Policy for the UI, sent by Electron's app:// protocol and by the browser host (the
 * renderer's index.html carries the same policy in a meta tag for the dev server).
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob: app-media:",
  "media-src 'self' app-media: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
