import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { aliases } from './aliases.config';

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/host/web.ts'),
          cli: resolve('src/main/cli/cli.ts'),
          // The class server (flipside serve): its own entry, loaded by the CLI only for that command.
          server: resolve('src/server/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    // The preload runs sandboxed: it must be one CommonJS file with its dependencies (zod) bundled in.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: aliases },
    root: resolve('src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      // Minified: the library's first card waits for this bundle to be parsed (about half the time, unminified).
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
