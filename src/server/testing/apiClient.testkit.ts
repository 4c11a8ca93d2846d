import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { classServerApi, pathOf, type Endpoint } from '@shared/classServer/api';

/** Talking to a class server as the studio and the player do, for tests and the bench (no test runner needed). */

type Input<E extends Endpoint> = (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : object) & {
  params?: Record<string, string>;
  query?: Record<string, string>;
  token: string;
};

/** Calls an endpoint as the studio or the player would; answers the parsed body, or throws with status and code. */
export async function callApi<E extends Endpoint>(
  base: string,
  endpoint: E,
  input: Input<E>,
): Promise<z.output<E['response']>> {
  const url = new URL(pathOf(endpoint.path, input.params), base);
  for (const [key, value] of Object.entries(input.query ?? {})) url.searchParams.set(key, value);
  const body = 'body' in input ? JSON.stringify(input.body) : undefined;
  const response = await fetch(url, {
    method: endpoint.method,
    headers: { authorization: `Bearer ${input.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body } : {}),
  });
  const json = (await response.json()) as { error?: { code: string; message: string } };
  if (!response.ok) throw new ApiCallError(response.status, json.error?.code ?? '', json.error?.message ?? '');
  return endpoint.response.parse(json) as z.output<E['response']>;
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

/** Publishes package bytes the way the studio does (one chunk per `chunkBytes`); answers the finish call's body. */
export async function publishBytes(base: string, token: string, bytes: Buffer, sourceId = 'studio-lesson-1') {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const upload = await callApi(base, classServerApi.createUpload, {
    token,
    body: { sourceId, title: 'Forces', sizeBytes: bytes.byteLength, sha256 },
  });
  let offset = upload.offset;
  while (offset < bytes.byteLength) {
    const chunk = bytes.subarray(offset, offset + upload.chunkBytes);
    const response = await fetch(
      new URL(`${pathOf(classServerApi.uploadChunk.path, { uploadId: upload.uploadId })}?offset=${offset}`, base),
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(chunk),
      },
    );
    if (!response.ok) throw new Error(`chunk refused: ${response.status} ${await response.text()}`);
    offset = classServerApi.uploadChunk.response.parse(await response.json()).offset;
  }
  return callApi(base, classServerApi.finishUpload, { token, params: { uploadId: upload.uploadId } });
}

export interface JoinAnswer {
  readonly status: number;
  /** The session token from the redirect's fragment, when the join worked. */
  readonly session: string | null;
  readonly location: string | null;
  /** `name=value` of the cookie set, to send back as a browser would. */
  readonly cookie: string | null;
  readonly html: string;
}

/** Submits the join form (or "Continue as") as a browser would, without following the redirect. */
export async function submitJoin(
  base: string,
  slug: string,
  form: Record<string, string>,
  options: { cookie?: string; action?: 'join' | 'continue' } = {},
): Promise<JoinAnswer> {
  const response = await fetch(new URL(`/l/${slug}/${options.action ?? 'join'}`, base), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
  const location = response.headers.get('location');
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    location,
    session: location ? (/#session=([^&]+)/.exec(location)?.[1] ?? null) : null,
    cookie: setCookie ? (setCookie.split(';')[0] ?? null) : null,
    html: await response.text(),
  };
}

export function slugOf(lessonUrl: string): string {
  return new URL(lessonUrl).pathname.split('/').pop() ?? '';
}
