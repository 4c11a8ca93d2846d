import { UrlSource } from 'mediabunny';

/**
 * Bytes a file keeps of what it has read. UrlSource reads up to 16 MiB ahead of a sequential reader and keeps 64 MiB by
 * default, which a long render fills for every file it reads and the editor for every file it has drawn a strip of;
 * this keeps the read-ahead (evicting it would fetch it again) and the little a decoder reads again after a seek.
 */
const READ_CACHE_BYTES = 32 * 2 ** 20;

/** A take's file read over its media URL by range requests, in pieces, never whole: the one way the renderer opens one. */
export function mediaUrlSource(url: string): UrlSource {
  return new UrlSource(url, { maxCacheSize: READ_CACHE_BYTES });
}
