import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { seedLesson } from './support/rpc';
import { RENDERER_CSP } from '../src/main/csp';

/**
 * Parity mode: the browser host answers the UI and media with Electron's own app:// handler, so these are the
 * headers and refusals the app gives. (Every e2e also fails on a CSP violation: see fixtures.ts.)
 */
test.describe('parity with Electron', () => {
  test('the UI carries exactly the CSP Electron sends, with no eval and no other scheme', async ({ host, request }) => {
    const page = await request.get(`${host.origin}/`);
    const csp = page.headers()['content-security-policy'] ?? '';
    expect(csp).toBe(RENDERER_CSP);
    expect(csp).not.toMatch(/wasm-unsafe-eval|app-media|unsafe-inline/);
    expect(page.headers()['cache-control']).toBe('no-store');
    const html = await page.text();
    const script = /src="\.?\/?(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await request.get(`${host.origin}/${script ?? ''}`);
    expect(js.headers()['content-security-policy']).toBe(csp);
  });

  test('media come from the page’s own origin by byte range, and nothing outside the media folder', async ({
    host,
    request,
  }) => {
    const { projectId } = await seedLesson(host);
    const folder = path.join(host.dataDir, 'media', projectId);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'clip one.webm'), Buffer.from('0123456789'));
    const url = (pathname: string) => `${host.origin}${pathname}?token=${host.token}`;
    const partial = await request.get(url(`/media/${projectId}/clip%20one.webm`), { headers: { range: 'bytes=-4' } });
    expect(partial.status()).toBe(206);
    expect(partial.headers()['content-range']).toBe('bytes 6-9/10');
    expect(partial.headers()['access-control-allow-origin']).toBeUndefined();
    expect(await partial.text()).toBe('6789');
    const beyond = await request.get(url(`/media/${projectId}/clip%20one.webm`), { headers: { range: 'bytes=10-' } });
    expect(beyond.status()).toBe(416);
    for (const sneaky of ['/media/..%2Flibrary.sqlite', '/media/%2e%2e/library.sqlite', `/media/${projectId}%5Cclip`]) {
      expect((await request.get(url(sneaky))).status(), sneaky).toBe(404);
    }
  });

  test('a page that reaches for another origin is reported, as Electron would block it', async ({
    host,
    page,
    cspViolations,
  }) => {
    await page.goto(host.url);
    await page.evaluate(() => fetch('http://127.0.0.1:9/elsewhere').catch(() => undefined));
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    // This test means to cause one: it has shown the guard works, so it is cleared for the fixture's check.
    cspViolations.length = 0;
  });
});
