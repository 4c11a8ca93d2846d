import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { aliases } from './aliases.config';

/** The learner player as an export ships it: out/player/{index.html, player.js, player.css}. */
function copyTemplate(): Plugin {
  return {
    name: 'flipside-player-template',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'index.html',
        source: readFileSync(resolve('src/player/index.html'), 'utf8'),
      });
    },
  };
}

/**
 * KaTeX's style sheet and fonts, for packages whose notes have a formula: out/player/katex/, outside player.js and
 * player.css (and their budget), copied into a package only when a formula needs them. Fonts as woff2 only, which
 * every browser the player supports reads.
 */
function copyKatex(): Plugin {
  const dist = resolve('node_modules/katex/dist');
  return {
    name: 'flipside-katex',
    generateBundle() {
      const css = readFileSync(resolve(dist, 'katex.min.css'), 'utf8').replace(
        /src:url\((fonts\/[\w-]+\.woff2)\) format\("woff2"\)(,url\([^)]*\) format\("[a-z]+"\))*/g,
        'src:url($1) format("woff2")',
      );
      this.emitFile({ type: 'asset', fileName: 'katex/katex.css', source: css });
      for (const font of readdirSync(resolve(dist, 'fonts')).filter((name) => name.endsWith('.woff2')))
        this.emitFile({
          type: 'asset',
          fileName: `katex/fonts/${font}`,
          source: readFileSync(resolve(dist, 'fonts', font)),
        });
    },
  };
}

export default defineConfig({
  publicDir: false,
  resolve: { alias: aliases },
  plugins: [copyTemplate(), copyKatex()],
  build: {
    outDir: 'out/player',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One classic script, not a module: module scripts are blocked on file://, and a web folder must open from disk.
    lib: {
      entry: resolve('src/player/standalone.ts'),
      formats: ['iife'],
      name: 'FlipsidePlayer',
      fileName: () => 'player.js',
      cssFileName: 'player',
    },
    minify: true,
  },
});
