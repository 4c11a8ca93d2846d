import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.config';

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Set-ups start PostgreSQL clusters and class servers, slower with a second file running beside them.
    hookTimeout: 30_000,
    // Vitest's default leaves one core free; CI has two, and most files wait on ffmpeg, PGlite or a socket.
    maxWorkers: 2,
  },
});
