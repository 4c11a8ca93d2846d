import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { SECURITY_HEADERS } from '../protocol/appHandler';
import { WIRE_BINARY_TYPE, decodeWire, decodeWireBinary, encodeWire } from '@shared/contract/wire';

/** A 32 MiB chunk (the contract's largest) grows by a third as base64 (scripts' JSON calls). */
export const MAX_BODY_BYTES = 48 * 1024 * 1024;

/** Whom a request says it is for: this host, another name (DNS rebinding), or nothing readable at all. */
export type HostVerdict = 'ours' | 'foreign' | 'malformed';

export function judgeHost(header: string | undefined, port: number): HostVerdict {
  if (header === `127.0.0.1:${port}` || header === `localhost:${port}`) return 'ours';
  if (!header) return 'malformed';
  try {
    new URL(`http://${header}`);
    return 'foreign';
  } catch {
    return 'malformed';
  }
}

/**
 * The request target as a URL, or null when it cannot be read (`http://[`, `//[`). The Host header never goes into
 * it: it has been judged already, and a hostile one must not be able to make the parse throw.
 */
export function readTarget(target: string | undefined, port: number): URL | null {
  try {
    return new URL(target ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** Refuses a WebSocket upgrade on the raw socket (no ServerResponse exists for one) and closes it. */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The host's own answers (calls, refusals) as JSON; the wire codec carries bytes in a call's result. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(encodeWire(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/** Node's request as the fetch `Request` the app handler takes (GET and HEAD only: no body to carry). */
export function toFetchRequest(request: http.IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(url, { method: request.method ?? 'GET', headers });
}

/** Sends a fetch `Response` exactly as it is: status, headers and streamed body. */
export async function pipeResponse(source: Response, target: http.ServerResponse): Promise<void> {
  source.headers.forEach((value, name) => target.setHeader(name, value));
  target.writeHead(source.status);
  if (!source.body) {
    target.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(source.body as NodeReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(target)
      .on('finish', resolve)
      .on('close', resolve);
  });
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string };

/** A call's input: JSON (scripts, the CLI's tests) or the page's binary form, which carries bytes without base64. */
export async function readCallBody(request: http.IncomingMessage): Promise<BodyResult> {
  const type = request.headers['content-type'] ?? '';
  const binary = type.startsWith(WIRE_BINARY_TYPE);
  if (!binary && !type.startsWith('application/json')) {
    return { ok: false, status: 415, message: `Send the call as application/json or ${WIRE_BINARY_TYPE}` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'The call is larger than 48 MiB' };
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (binary) {
    try {
      return { ok: true, value: decodeWireBinary(body) };
    } catch (error) {
      return { ok: false, status: 400, message: `The call body is not valid: ${(error as Error).message}` };
    }
  }
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: decodeWire(text) };
  } catch {
    return { ok: false, status: 400, message: 'The call body is not valid JSON' };
  }
}
