/** Names Windows refuses for a file whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const STEM_MAX = 120;

/**
 * A file name a teacher recognises and every operating system accepts: `Forces and motion (720p).mp4`. Characters
 * Windows or macOS refuse in a name (and control characters) become spaces, runs of space fold, trailing dots and
 * spaces go (Windows drops them silently), and a reserved device name or an empty stem falls back to "Lesson".
 */
export function readableFileName(stem: string, extension: string): string {
  const cleaned = Array.from(
    stem
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .slice(0, STEM_MAX)
    .join('')
    .replace(/[. ]+$/, '');
  const safe = cleaned === '' || RESERVED.test(cleaned) ? 'Lesson' : cleaned;
  return extension === '' ? safe : `${safe}.${extension}`;
}
