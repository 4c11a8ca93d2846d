/**
 * A lesson package can come from a stranger, so the addresses it names are checked against the page that plays it.
 * Allowed: a relative path that stays inside the package's folder, a blob: URL, an absolute URL of the page's own
 * origin whatever its scheme (the editor's preview on app://studio), and for a poster only, a data: image. Everything else
 * (javascript:, other data:, other origins, file: paths, "../" escapes) is refused with a reason to show.
 */
export type MediaUrlKind = 'media' | 'captions' | 'poster';

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

export interface UrlContext {
  /** The address of the page (or of the package folder's index.html). */
  readonly baseUrl: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function checkMediaUrl(raw: string, kind: MediaUrlKind, context: UrlContext): UrlVerdict {
  if (/[\u0000-\u001f\u007f\\]/.test(raw) || raw.trim() !== raw || raw === '')
    return refuse('it contains spaces, control characters or backslashes');
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'blob') return { ok: true, url: raw };
  if (scheme === 'data') {
    if (kind === 'poster' && /^data:image\/(png|jpeg|webp|gif|avif);base64,[A-Za-z0-9+/=]+$/i.test(raw))
      return { ok: true, url: raw };
    return refuse('data: addresses are allowed only for a poster image');
  }
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(context.baseUrl);
    resolved = new URL(raw, base);
  } catch {
    return refuse('it is not a valid address');
  }
  if (scheme !== undefined) {
    if (sameOrigin(resolved, base.href)) return { ok: true, url: resolved.href };
    if (scheme !== 'http' && scheme !== 'https') return refuse(`${scheme}: addresses are not allowed`);
    return refuse('it points to another website');
  }
  if (raw.startsWith('/')) return refuse('it is not a path inside the lesson folder');
  const folder =
    base.href.slice(0, base.href.length - base.pathname.length - base.search.length - base.hash.length) +
    base.pathname.replace(/[^/]*$/, '');
  const target = resolved.href.slice(0, resolved.href.length - resolved.hash.length);
  if (!target.startsWith(folder) || target.length === folder.length)
    return refuse('it leads outside the lesson folder');
  return { ok: true, url: resolved.href };
}

function sameOrigin(url: URL, other: string): boolean {
  try {
    const that = new URL(other);
    // file: and custom schemes have opaque origins ("null"), so they are compared by scheme and host.
    return url.origin !== 'null'
      ? url.origin === that.origin
      : url.protocol === that.protocol && url.host === that.host && url.protocol !== 'file:';
  } catch {
    return false;
  }
}

function refuse(reason: string): UrlVerdict {
  return { ok: false, reason };
}

/** Every address in a package, with what it is for, so the player can check them all before playing anything. */
export function packageUrls(media: {
  renditions: readonly { src: string; label: string }[];
  poster?: string | undefined;
  captions: readonly { src: string; label: string }[];
  camera?: { src: string } | undefined;
}): { url: string; kind: MediaUrlKind; what: string }[] {
  return [
    ...media.renditions.map((rendition) => ({
      url: rendition.src,
      kind: 'media' as const,
      what: `the video "${rendition.label}"`,
    })),
    ...(media.poster === undefined ? [] : [{ url: media.poster, kind: 'poster' as const, what: 'the poster image' }]),
    ...media.captions.map((track) => ({
      url: track.src,
      kind: 'captions' as const,
      what: `the captions "${track.label}"`,
    })),
    ...(media.camera === undefined
      ? []
      : [{ url: media.camera.src, kind: 'media' as const, what: 'the camera video' }]),
  ];
}
