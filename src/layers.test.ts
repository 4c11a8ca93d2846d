import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of docs/ARCHITECTURE.md, enforced: each process folder may import only what its runtime has.
 * `shared` runs everywhere, so it imports nothing that needs Node, Electron or the DOM.
 */
type Layer = 'shared' | 'main' | 'preload' | 'renderer' | 'player';

const RULES: Record<Layer, { layers: Layer[]; packages: (name: string) => boolean }> = {
  shared: { layers: ['shared'], packages: (name) => name === 'zod' || name === 'vitest' || name === 'fast-check' },
  main: {
    layers: ['main', 'shared'],
    packages: (name) => !/^(react|react-dom|react-aria-components|lucide-react)$/.test(name),
  },
  preload: { layers: ['preload', 'shared'], packages: (name) => name === 'electron' || name === 'zod' },
  renderer: { layers: ['renderer', 'player', 'shared'], packages: (name) => !isNodeOrElectron(name) },
  player: { layers: ['player', 'shared'], packages: (name) => !isNodeOrElectron(name) },
};

const SRC = path.resolve(__dirname);
const builtins = new Set(builtinModules);

function isNodeOrElectron(name: string): boolean {
  return (
    name === 'electron' || name.startsWith('node:') || builtins.has(name) || name === 'better-sqlite3' || name === 'ws'
  );
}

function layerOf(file: string): Layer | null {
  const top = path.relative(SRC, file).split(path.sep)[0];
  return top && top in RULES ? (top as Layer) : null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const pattern =
    /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('layer rule', () => {
  const files = sourceFiles(SRC).filter((file) => layerOf(file) !== null);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('every import stays within what its layer may use', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file) as Layer;
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = layerOf(path.resolve(path.dirname(file), specifier));
          if (target && !RULES[layer].layers.includes(target))
            violations.push(`${path.relative(SRC, file)} imports ${specifier} (${target})`);
        } else if (!RULES[layer].packages(packageName(specifier))) {
          violations.push(`${path.relative(SRC, file)} imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
