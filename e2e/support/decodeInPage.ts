import path from 'node:path';
import type { Page } from '@playwright/test';
import { serveStatic } from './staticServer';

/** The little of mediabunny the page uses; the e2e project has Node's types, not the DOM's that mediabunny's need. */
interface InPageMediabunny {
  ALL_FORMATS: unknown;
  UrlSource: new (url: string) => unknown;
  Input: new (options: { source: unknown; formats: unknown }) => {
    getPrimaryVideoTrack(): Promise<{
      canDecode(): Promise<boolean>;
      getDecoderConfig(): Promise<{ codec: string } | null>;
      codec: string | null;
    } | null>;
  };
  VideoSampleSink: new (track: unknown) => { samples(): AsyncIterable<{ timestamp: number; close(): void }> };
}

export interface InPageDecode {
  readonly codec: string;
  readonly frames: number;
  readonly error: string | null;
}

/**
 * Decodes every video frame of `file` with WebCodecs in Chromium (through mediabunny, as the app reads media), on a
 * page of our own at 127.0.0.1, a secure context. A decoder error ends the count and is answered, not thrown.
 */
export async function decodeInPage(page: Page, file: string): Promise<InPageDecode> {
  const server = await serveStatic({
    '/mediabunny': path.join(__dirname, '../../node_modules/mediabunny/dist/bundles'),
    '/media': path.dirname(file),
  });
  try {
    await page.goto(`${server.origin}/media/`);
    await page.addScriptTag({
      type: 'module',
      content: "import * as mediabunny from '/mediabunny/mediabunny.min.mjs'; globalThis.mediabunny = mediabunny;",
    });
    await page.waitForFunction(() => 'mediabunny' in globalThis);
    return await page.evaluate(
      async (url) => {
        const mb = (globalThis as unknown as { mediabunny: InPageMediabunny }).mediabunny;
        const input = new mb.Input({ source: new mb.UrlSource(url), formats: mb.ALL_FORMATS });
        const track = await input.getPrimaryVideoTrack();
        if (!track) return { codec: '', frames: 0, error: 'no video track' };
        const codec = (await track.getDecoderConfig())?.codec ?? '';
        if (!(await track.canDecode())) return { codec, frames: 0, error: 'cannot decode' };
        let frames = 0;
        try {
          for await (const sample of new mb.VideoSampleSink(track).samples()) {
            frames += 1;
            sample.close();
          }
          return { codec, frames, error: null };
        } catch (error) {
          return { codec, frames, error: String(error) };
        }
      },
      `${server.origin}/media/${encodeURIComponent(path.basename(file))}`,
    );
  } finally {
    await server.close();
  }
}
