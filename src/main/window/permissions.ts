import type { Session } from 'electron';
import type { OriginPolicy } from './appOrigin';

/** What the studio needs: camera and microphone, screen capture, full-screen preview, copying to the clipboard. */
const GRANTED = new Set<string>(['media', 'display-capture', 'fullscreen', 'clipboard-sanitized-write']);

/** Grants the studio's few permissions to our own UI and refuses every other permission and every other page. */
export function applyPermissionPolicy(session: Session, origins: OriginPolicy): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(GRANTED.has(permission) && origins.isTrusted(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    return GRANTED.has(permission) && origins.isTrusted(requestingOrigin);
  });
}
