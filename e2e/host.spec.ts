import { test, expect } from './fixtures';

/** The browser host's guard: every call, event stream and media request needs this launch's token. */
test.describe('browser host', () => {
  test('refuses a call without the token, or with a wrong one, before any handler runs', async ({ host, request }) => {
    const create = (headers: Record<string, string>) =>
      request.post(`${host.origin}/rpc/app:projects.create`, { headers, data: { title: 'Sneaky' } });
    expect((await create({})).status()).toBe(401);
    expect((await create({ 'x-flipside-token': 'not-the-token' })).status()).toBe(401);

    const list = await request.post(`${host.origin}/rpc/app:projects.list`, {
      headers: { 'x-flipside-token': host.token },
      data: {},
    });
    expect(await list.json()).toEqual({ ok: true, value: { items: [], total: 0 } });
  });

  test('answers a malformed call with a typed error naming the field', async ({ host, request }) => {
    const response = await request.post(`${host.origin}/rpc/app:projects.create`, {
      headers: { 'x-flipside-token': host.token },
      data: { title: 42 },
    });
    const body = (await response.json()) as { ok: boolean; error: { code: string; issues: { path: string }[] } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues[0]?.path).toBe('title');
  });

  test('refuses requests that name another host (DNS rebinding)', async ({ host, request }) => {
    const response = await request.post(`${host.origin}/rpc/app:projects.list`, {
      headers: { 'x-flipside-token': host.token, host: 'evil.example:80' },
      data: {},
    });
    expect(response.status()).toBe(403);
  });

  test('serves the UI with a strict CSP and refuses paths outside it', async ({ host, request }) => {
    const page = await request.get(`${host.origin}/`);
    expect(page.status()).toBe(200);
    expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
    for (const sneaky of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/media/..%2F..%2Flibrary.sqlite']) {
      expect((await request.get(`${host.origin}${sneaky}?token=${host.token}`)).status()).toBe(404);
    }
  });

  test('refuses the event stream without the token', async ({ host, page }) => {
    await page.goto(`${host.origin}/`);
    const outcome = await page.evaluate(
      (origin) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`${origin.replace('http', 'ws')}/events?token=wrong`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      host.origin,
    );
    expect(outcome).toBe('refused');
  });
});
