import { describe, expect, it, vi } from 'vitest';
import { createInputs } from './openInput';

const made = vi.hoisted(() => ({
  sources: [] as { url: string; maxCacheSize: number | undefined }[],
  disposed: 0,
}));

vi.mock('mediabunny', () => ({
  ALL_FORMATS: [],
  UrlSource: vi.fn(function (url: string, options: { maxCacheSize?: number } = {}) {
    made.sources.push({ url, maxCacheSize: options.maxCacheSize });
  }),
  Input: class {
    dispose() {
      made.disposed += 1;
    }
  },
}));

describe('createInputs', () => {
  it('reads a file asked for twice (picture and sound) through one range cache, each cache at most 32 MiB', () => {
    const inputs = createInputs();
    inputs.open('media://screen.mp4', 'screen');
    inputs.open('media://screen.mp4', 'sound');
    inputs.open('media://camera.mp4', 'camera');

    expect(made.sources.map((source) => source.url)).toEqual(['media://screen.mp4', 'media://camera.mp4']);
    for (const { maxCacheSize } of made.sources) expect(maxCacheSize).toBeLessThanOrEqual(32 * 2 ** 20);

    inputs.dispose();
    expect(made.disposed).toBe(2);
  });
});
