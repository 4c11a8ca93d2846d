import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from '@shared/media/contentType';
import { parseRange } from '@shared/media/parseRange';
import { BASE_HEADERS } from './respond';

/**
 * Sends one file of a lesson version, with byte ranges (206) so the video seeks, and long caching: a version's files
 * never change, a new version is a new path. `file` must already be vetted (it is one the version's list names).
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const { size } = await fs.promises.stat(file);
  const range = parseRange(req.headers.range, size);
  const common = {
    ...BASE_HEADERS,
    ...headers,
    'Accept-Ranges': 'bytes',
    'Content-Type': contentTypeOf(file),
  };
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : size - 1;
  const length = size === 0 ? 0 : end - start + 1;
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    ...common,
    'Content-Length': length,
    ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file, { start, end }), res);
}
