/**
 * Why a path inside a package is unsafe, or null when it is fine. A package path is relative, uses forward slashes,
 * and never climbs out: an LMS unzipping `../../index.html` or `C:\x` would write outside the course folder.
 */
export function zipPathProblem(name: string): string | null {
  if (name.length === 0) return 'an entry has an empty name';
  if (name.includes('\0')) return `“${printable(name)}” contains a NUL character`;
  if (name.includes('\\')) return `“${printable(name)}” uses backslashes; zip paths use forward slashes`;
  if (name.startsWith('/')) return `“${printable(name)}” is an absolute path`;
  if (/^[A-Za-z]:/.test(name)) return `“${printable(name)}” starts with a drive letter`;
  if (name.length > 1024) return `“${printable(name.slice(0, 60))}…” is longer than 1024 characters`;
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) return `“${printable(name)}” climbs out of the package with ..`;
  if (segments.some((segment) => segment === '.' || segment === ''))
    return `“${printable(name)}” has an empty or "." segment`;
  return null;
}

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}
