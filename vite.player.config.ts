import { readFileSync } from 'node:fs';
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

export default defineConfig({
  publicDir: false,
  resolve: { alias: aliases },
  plugins: [copyTemplate()],
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
