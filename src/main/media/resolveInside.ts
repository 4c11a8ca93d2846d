import fs from 'node:fs';
import path from 'node:path';

// An encoded separator would survive the split into segments and become a separator again once decoded.
const ENCODED_SEPARATOR = /%2f|%5c/i;

/**
 * Maps a URL pathname (still percent-encoded, e.g. `/proj/take%201.mp4`) to an existing regular file inside `root`,
 * or null. Every suspicious shape is refused outright rather than normalised, and the final check compares real
 * paths, so a symlink inside the root cannot lead out of it.
 */
export async function resolveInside(root: string, urlPathname: string): Promise<string | null> {
  const found = await resolveEntry(root, urlPathname);
  return found?.stats.isFile() ? found.real : null;
}

/** As {@link resolveInside}, for a file or a folder (a web-folder export); the same refusals apply. */
export async function resolveEntryInside(root: string, urlPathname: string): Promise<string | null> {
  const found = await resolveEntry(root, urlPathname);
  return found && (found.stats.isFile() || found.stats.isDirectory()) ? found.real : null;
}

async function resolveEntry(root: string, urlPathname: string): Promise<{ real: string; stats: fs.Stats } | null> {
  if (urlPathname.includes('\\') || ENCODED_SEPARATOR.test(urlPathname)) return null;
  const segments = decodeSegments(urlPathname.replace(/^\//, ''));
  if (!segments) return null;

  try {
    const realRoot = await fs.promises.realpath(root);
    const real = await fs.promises.realpath(path.join(realRoot, ...segments));
    if (!isStrictlyInside(realRoot, real)) return null;
    return { real, stats: await fs.promises.stat(real) };
  } catch {
    return null;
  }
}

function decodeSegments(relative: string): string[] | null {
  if (relative === '') return null;
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isPlainName(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * A single file or folder name and nothing more. Colons are refused too: on Windows they start a drive letter
 * (`C:`) or name an NTFS alternate data stream (`take.mp4:hidden`), and our own media names never contain one.
 */
function isPlainName(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !segment.includes('\0') &&
    !segment.includes('/') &&
    !segment.includes('\\') &&
    !segment.includes(':') &&
    !path.isAbsolute(segment)
  );
}

function isStrictlyInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
