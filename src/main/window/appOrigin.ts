export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';

/** Which pages count as our own UI: the only ones allowed to call main, navigate, or use camera and screen. */
export interface OriginPolicy {
  /** Where the main window loads the UI from. */
  readonly entryUrl: string;
  isTrusted(url: string): boolean;
}

/**
 * Our UI is `app://studio`, or in development the electron-vite dev server. Node's URL gives custom schemes an
 * opaque origin (`null`), so the app origin is compared by scheme and host instead.
 */
export function createOriginPolicy(devServerUrl: string | undefined): OriginPolicy {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  return {
    entryUrl: devServerUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`,
    isTrusted(url: string): boolean {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol === `${APP_SCHEME}:`)
        return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
      return devOrigin !== null && parsed.origin === devOrigin;
    },
  };
}
