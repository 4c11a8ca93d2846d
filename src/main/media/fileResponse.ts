import fs from 'node:fs';
import { Readable } from 'node:stream';
import { contentTypeOf } from '@shared/media/contentType';
import { parseRange } from '@shared/media/parseRange';

/**
 * Answers a request for one file the way a media element expects: byte ranges with 206, so seeking works on our
 * custom schemes (Electron has had seek regressions there) and the browser host alike. The body is streamed, so a
 * long take never sits in memory. `filePath` must already be vetted (see resolveInside). A file removed after it was
 * vetted (a take discarded, a render replaced while it plays) is answered 404, not a failed handler.
 */
export async function fileResponse(
  filePath: string,
  rangeHeader: string | null,
  method: 'GET' | 'HEAD' = 'GET',
): Promise<Response> {
  let size: number;
  try {
    ({ size } = await fs.promises.stat(filePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return new Response('Not found', { status: 404 });
    throw error;
  }
  const headers = new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': contentTypeOf(filePath),
    'X-Content-Type-Options': 'nosniff',
  });
  const range = parseRange(rangeHeader, size);

  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.set('Content-Length', '0');
    return new Response(null, { status: 416, headers });
  }

  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : size - 1;
  const length = size === 0 ? 0 : end - start + 1;
  headers.set('Content-Length', String(length));
  if (range.kind === 'partial') headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const status = range.kind === 'partial' ? 206 : 200;

  if (method === 'HEAD' || length === 0) return new Response(null, { status, headers });
  const body = Readable.toWeb(fs.createReadStream(filePath, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}
