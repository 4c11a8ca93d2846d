import fs from 'node:fs';
import path from 'node:path';

export interface PackageLicence {
  readonly name: string;
  readonly version: string;
  /** The SPDX expression the package declares, or what it wrote instead (`UNKNOWN` when nothing). */
  readonly licence: string;
}

interface Manifest {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Every package that ships with the app: the root's `dependencies`, then theirs, transitively, resolved the way
 * Node resolves them (the nearest `node_modules` up the tree). Optional dependencies that are not installed (another
 * platform's binaries) are skipped; a required one that is missing is an error.
 */
export function productionLicences(root: string): PackageLicence[] {
  const seen = new Map<string, PackageLicence>();
  const visit = (name: string, from: string, optional: boolean) => {
    const dir = resolvePackage(name, from);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} (needed from ${from}) is not installed`);
    }
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    const manifest = JSON.parse(fs.readFileSync(path.join(real, 'package.json'), 'utf8')) as Manifest;
    seen.set(real, { name: manifest.name ?? name, version: manifest.version ?? '?', licence: licenceOf(manifest) });
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, real, false);
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) visit(dependency, real, true);
  };
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, root, false);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function resolvePackage(name: string, from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** `license` as SPDX, or the old `licenses: [{ type }]` form joined with OR. */
function licenceOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  const legacy = Array.isArray(manifest.licenses) ? manifest.licenses : [manifest.license ?? manifest.licenses];
  const types = legacy
    .map((entry) =>
      entry && typeof entry === 'object' && 'type' in entry ? String((entry as { type: unknown }).type) : null,
    )
    .filter((type): type is string => type !== null);
  return types.length > 0 ? `(${types.join(' OR ')})` : 'UNKNOWN';
}

/**
 * Whether an SPDX expression lets the package ship inside a GPL-3.0-or-later program: `OR` needs one compatible
 * choice, `AND` needs all, `WITH <exception>` only adds permissions, `+` means "or later".
 */
export function compatibleWith(expression: string, allowed: ReadonlySet<string>): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const orExpression = (): boolean => {
    let value = andExpression();
    while (peek()?.toUpperCase() === 'OR') {
      at += 1;
      value = andExpression() || value;
    }
    return value;
  };
  const andExpression = (): boolean => {
    let value = term();
    while (peek()?.toUpperCase() === 'AND') {
      at += 1;
      value = term() && value;
    }
    return value;
  };
  const term = (): boolean => {
    const token = tokens[at++];
    if (token === '(') {
      const value = orExpression();
      if (tokens[at++] !== ')') throw new Error(`unbalanced parentheses in “${expression}”`);
      return value;
    }
    if (token === undefined || token === ')') throw new Error(`cannot read the licence “${expression}”`);
    if (peek()?.toUpperCase() === 'WITH') at += 2;
    return allowed.has(token.endsWith('+') ? `${token.slice(0, -1)}-or-later` : token);
  };
  const value = orExpression();
  if (at !== tokens.length) throw new Error(`cannot read the licence “${expression}”`);
  return value;
}
