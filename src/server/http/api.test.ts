import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import { startTestServer, type TestServer } from '../testing/harness.testkit';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer('pglite');
  token = await server.teacher('ada@school.example');
}, 60_000);
afterAll(() => server.close());

it('every API answer says how long its handler took, so a slow client can tell queueing from work', async () => {
  const answer = await fetch(new URL(classServerApi.me.path, server.url), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d$/);
});
