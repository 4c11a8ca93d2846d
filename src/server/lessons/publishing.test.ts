import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi, pathOf } from '@shared/classServer/api';
import {
  ApiCallError,
  callApi,
  describeEngines,
  publishBytes,
  stopPostgres,
  submitJoin,
  slugOf,
  startTestServer,
  type TestServer,
} from '../testing/harness.testkit';
import { QUESTION_FORCE, testPackageZip } from '../testing/testPackage.testkit';

afterAll(() => stopPostgres());

function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function putChunk(server: TestServer, token: string, uploadId: string, offset: number, bytes: Buffer) {
  return fetch(new URL(`${pathOf(classServerApi.uploadChunk.path, { uploadId })}?offset=${offset}`, server.url), {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

describeEngines('publishing a lesson', (engine) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    token = await server.teacher('ada@school.example');
  }, 60_000);
  afterAll(() => server.close());

  it('a teacher token signs in; a wrong or revoked one does not', async () => {
    const me = await callApi(server.url, classServerApi.me, { token });
    expect(me.teacher.email).toBe('ada@school.example');
    expect(me.server.database).toBe(engine);
    await expect(callApi(server.url, classServerApi.me, { token: 'fst_not-a-token' })).rejects.toMatchObject({
      status: 401,
    });
    const other = await server.teacher('temp@school.example');
    await server.db.query(
      `UPDATE teacher_tokens SET revoked_at = now() WHERE teacher_id = (SELECT id FROM teachers WHERE email = 'temp@school.example')`,
    );
    await expect(callApi(server.url, classServerApi.me, { token: other })).rejects.toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('an upload resumes where the server says after a dropped connection, and a resent chunk is stored once', async () => {
    const bytes = await testPackageZip();
    const upload = await callApi(server.url, classServerApi.createUpload, {
      token,
      body: { sourceId: 'resume-lesson', title: 'Resumed', sizeBytes: bytes.byteLength, sha256: sha(bytes) },
    });
    const half = Math.floor(bytes.byteLength / 2);
    expect((await putChunk(server, token, upload.uploadId, 0, bytes.subarray(0, half))).status).toBe(200);
    // The answer to that chunk was "lost": the client sends it again, then tries to skip ahead.
    const again = await putChunk(server, token, upload.uploadId, 0, bytes.subarray(0, half));
    expect(((await again.json()) as { offset: number }).offset).toBe(half);
    const ahead = await putChunk(server, token, upload.uploadId, half + 10, bytes.subarray(half + 10));
    expect(ahead.status).toBe(409);
    const status = await callApi(server.url, classServerApi.uploadStatus, {
      token,
      params: { uploadId: upload.uploadId },
    });
    expect(status.offset).toBe(half);
    await expect(
      callApi(server.url, classServerApi.finishUpload, { token, params: { uploadId: upload.uploadId } }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await putChunk(server, token, upload.uploadId, half, bytes.subarray(half))).status).toBe(200);
    const done = await callApi(server.url, classServerApi.finishUpload, {
      token,
      params: { uploadId: upload.uploadId },
    });
    expect(done.version).toBe(1);
    expect(done.lesson.questions.map((question) => question.prompt)).toEqual([
      'Which force pulls things down?',
      'A push is a force.',
    ]);
    expect(fs.readdirSync(path.join(server.dataDir, 'uploads'))).toEqual([]);
  });

  it('the same package offered again (a studio restarted mid-upload) goes on from the bytes already held', async () => {
    const bytes = await testPackageZip({ extraQuestions: 1 });
    const offer = { sourceId: 'restarted', title: 'Restarted', sizeBytes: bytes.byteLength, sha256: sha(bytes) };
    const first = await callApi(server.url, classServerApi.createUpload, { token, body: offer });
    const part = Math.floor(bytes.byteLength / 3);
    expect((await putChunk(server, token, first.uploadId, 0, bytes.subarray(0, part))).status).toBe(200);

    const again = await callApi(server.url, classServerApi.createUpload, { token, body: offer });
    expect(again).toMatchObject({ uploadId: first.uploadId, offset: part });
    // Another package of the same lesson (edited since) starts afresh, and so does the same one for another teacher.
    const edited = await testPackageZip({ extraQuestions: 2 });
    const fresh = await callApi(server.url, classServerApi.createUpload, {
      token,
      body: { ...offer, sizeBytes: edited.byteLength, sha256: sha(edited) },
    });
    expect(fresh.offset).toBe(0);
    expect(fresh.uploadId).not.toBe(first.uploadId);
    const stranger = await callApi(server.url, classServerApi.createUpload, {
      token: await server.teacher('grace@school.example'),
      body: offer,
    });
    expect(stranger).toMatchObject({ offset: 0 });
    expect(stranger.uploadId).not.toBe(first.uploadId);

    expect((await putChunk(server, token, again.uploadId, part, bytes.subarray(part))).status).toBe(200);
    const done = await callApi(server.url, classServerApi.finishUpload, {
      token,
      params: { uploadId: again.uploadId },
    });
    expect(done.version).toBe(1);
    await callApi(server.url, classServerApi.cancelUpload, { token, params: { uploadId: fresh.uploadId } });
  });

  it('a package whose bytes do not match its checksum is refused and nothing is kept', async () => {
    const bytes = await testPackageZip();
    const upload = await callApi(server.url, classServerApi.createUpload, {
      token,
      body: { sourceId: 'corrupt', title: 'Corrupt', sizeBytes: bytes.byteLength, sha256: sha(Buffer.from('other')) },
    });
    await putChunk(server, token, upload.uploadId, 0, bytes);
    await expect(
      callApi(server.url, classServerApi.finishUpload, { token, params: { uploadId: upload.uploadId } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/checksum/) as unknown });
    const lessons = await callApi(server.url, classServerApi.lessons, { token });
    expect(lessons.lessons.map((lesson) => lesson.title)).not.toContain('Corrupt');
  });

  it.each([
    [
      'a package for another place',
      { 'index.html': '<!doctype html><meta charset="utf-8"><meta name="flipside-lms" content="web">' },
      /another place/,
    ],
    ['a package without its lesson', { 'lesson.json': null }, /no lesson.json/],
    ['a damaged lesson', { 'lesson.json': '{"formatVersion": 1}' }, /lesson.json is not valid/],
    ['a path that climbs out', { 'up/evil.txt': 'x' }, /\.\.\/evil\.txt/],
  ])('refuses %s with a reason, leaving no files', async (_what, files, reason) => {
    const bytes = await testPackageZip({ files, rename: { from: 'up/evil.txt', to: '../evil.txt' } });
    await expect(publishBytes(server.url, token, bytes, `bad-${sha(bytes).slice(0, 8)}`)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(reason) as unknown,
    });
    expect(fs.readdirSync(path.join(server.dataDir, 'packages', '.staging'))).toEqual([]);
  });

  it('re-publishing makes a new version at the same address; a learner mid-lesson stays on theirs', async () => {
    const first = await publishBytes(server.url, token, await testPackageZip({ title: 'Forces' }), 'versions');
    const classroom = await callApi(server.url, classServerApi.createClass, { token, body: { name: '7B' } });
    const slug = slugOf(first.lesson.url);
    const sam = await submitJoin(server.url, slug, { code: classroom.joinCode, name: 'Sam' });
    expect(sam.location).toMatch(new RegExp(`^/l/${slug}/v/1/index\\.html#session=`));
    const second = await publishBytes(
      server.url,
      token,
      await testPackageZip({ title: 'Forces, revised' }),
      'versions',
    );
    expect(second.version).toBe(2);
    expect(second.lesson.url).toBe(first.lesson.url);
    expect(second.lesson.title).toBe('Forces, revised');
    expect(second.lesson.versions.map((version) => version.version)).toEqual([1, 2]);
    // Sam's run is on version 1: coming back (same browser) keeps it; a new learner gets version 2.
    const back = await submitJoin(
      server.url,
      slug,
      { code: classroom.joinCode, name: 'Sam' },
      { cookie: sam.cookie ?? '' },
    );
    expect(back.location).toMatch(/\/v\/1\/index\.html#session=/);
    const kim = await submitJoin(server.url, slug, { code: classroom.joinCode, name: 'Kim' });
    expect(kim.location).toMatch(/\/v\/2\/index\.html#session=/);
    // Both versions' files are served, video with byte ranges.
    for (const version of [1, 2]) {
      const page = await fetch(new URL(`/l/${slug}/v/${version}/index.html`, server.url));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
    }
    const range = await fetch(new URL(`/l/${slug}/v/1/media/lesson.mp4`, server.url), {
      headers: { range: 'bytes=100-199' },
    });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe('bytes 100-199/200000');
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    const json = (await (await fetch(new URL(`/l/${slug}/v/2/lesson.json`, server.url))).json()) as {
      title: string;
      checkpoints: { id: string }[];
    };
    expect(json.title).toBe('Forces, revised');
    expect(json.checkpoints[0]?.id).toBe(QUESTION_FORCE);
  });

  it('serves only the files a version lists: no path from the address reaches the disk', async () => {
    const { lesson } = await publishBytes(server.url, token, await testPackageZip(), 'paths');
    const slug = slugOf(lesson.url);
    fs.writeFileSync(path.join(server.dataDir, 'secret.txt'), 'not for learners');
    for (const probe of [
      '../../../secret.txt',
      '..%2F..%2F..%2Fsecret.txt',
      '%2e%2e/%2e%2e/secret.txt',
      'media/../../../secret.txt',
      'nothing.js',
    ]) {
      const response = await fetch(`${server.url}/l/${slug}/v/1/${probe}`);
      expect(response.status, probe).toBe(404);
    }
    expect((await fetch(`${server.url}/l/${slug}/v/9/index.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/l/nope/v/1/index.html`)).status).toBe(404);
  });

  it('cancelling an upload removes its bytes', async () => {
    const bytes = await testPackageZip();
    const upload = await callApi(server.url, classServerApi.createUpload, {
      token,
      body: { sourceId: 'cancelled', title: 'Cancelled', sizeBytes: bytes.byteLength, sha256: sha(bytes) },
    });
    await putChunk(server, token, upload.uploadId, 0, bytes.subarray(0, 1000));
    await callApi(server.url, classServerApi.cancelUpload, { token, params: { uploadId: upload.uploadId } });
    expect(fs.existsSync(path.join(server.dataDir, 'uploads', `${upload.uploadId}.part`))).toBe(false);
    await expect(
      callApi(server.url, classServerApi.uploadStatus, { token, params: { uploadId: upload.uploadId } }),
    ).rejects.toBeInstanceOf(ApiCallError);
  });
});
