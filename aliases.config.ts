import { resolve } from 'node:path';

/** The import aliases of tsconfig.base.json's `paths`, for Vite, Vitest and electron-vite: one list, every bundler. */
export const aliases = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@player': resolve(import.meta.dirname, 'src/player'),
};
