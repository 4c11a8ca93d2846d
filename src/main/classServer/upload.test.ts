import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi, type Endpoint } from '@shared/classServer/api';
import { startTestServer, type TestServer } from '../../server/testing/harness.testkit';
import { testPackageZip } from '../../server/testing/testPackage.testkit';
import { Interrupted } from '../jobs/JobRegistry';
import { ClassServerClient, type CallOptions } from './client';
import { uploadPackage } from './upload';

/** A client whose every call is answered by the server, then finds its job cancelled: the cancel came mid-call. */
class CancelledWhileAnswering extends ClassServerClient {
  constructor(
    url: string,
    token: string,
    private readonly cancelled: AbortController,
    private readonly reason: Error,
    private readonly during: Endpoint,
  ) {
    super(url, token);
  }

  override async call<E extends Endpoint>(endpoint: E, options: CallOptions<E> = {}): Promise<z.output<E['response']>> {
    const answer = await super.call(endpoint, { ...options, signal: undefined });
    if (endpoint === this.during) this.cancelled.abort(this.reason);
    options.signal?.throwIfAborted();
    return answer;
  }
}

let server: TestServer;
let token: string;
let zip: string;
beforeAll(async () => {
  server = await startTestServer('pglite');
  token = await server.teacher('ada@school.example');
  zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-upload-')), 'lesson.zip');
  fs.writeFileSync(zip, await testPackageZip());
}, 60_000);
afterAll(async () => {
  await server.close();
  fs.rmSync(path.dirname(zip), { recursive: true, force: true });
});

async function uploadsOnServer(): Promise<{ rows: number; files: string[] }> {
  const [count] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads');
  return { rows: count?.n ?? -1, files: fs.readdirSync(path.join(server.dataDir, 'uploads')) };
}

it('a cancel that comes while the server is making the upload leaves nothing on the server', async () => {
  const cancelled = new AbortController();
  const client = new CancelledWhileAnswering(
    server.url,
    token,
    cancelled,
    new Error('cancelled'),
    classServerApi.createUpload,
  );
  const upload = uploadPackage(
    client,
    zip,
    { sourceId: 'lesson-a', title: 'Forces' },
    {
      signal: cancelled.signal,
      onBytes: () => undefined,
    },
  );
  await expect(upload).rejects.toThrow('cancelled');
  expect(await uploadsOnServer()).toEqual({ rows: 0, files: [] });
});

it('a studio closing while the server makes the upload leaves it there, to go on from next time', async () => {
  const closing = new AbortController();
  const client = new CancelledWhileAnswering(
    server.url,
    token,
    closing,
    new Interrupted(),
    classServerApi.createUpload,
  );
  const info = { sourceId: 'lesson-b', title: 'Forces' };
  await expect(uploadPackage(client, zip, info, { signal: closing.signal, onBytes: () => undefined })).rejects.toThrow(
    Interrupted,
  );
  expect((await uploadsOnServer()).rows).toBe(1);

  const published = await uploadPackage(new ClassServerClient(server.url, token), zip, info, {
    signal: new AbortController().signal,
    onBytes: () => undefined,
  });
  expect(published.version).toBe(1);
  expect(await uploadsOnServer()).toEqual({ rows: 0, files: [] });
});
