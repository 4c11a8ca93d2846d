import type { Page } from '@playwright/test';
import { decodeCallFrame } from '../../src/shared/contract/wire';

/** One `recordings.appendChunk` answered: which track, which index, how long its upload took. */
export interface ChunkUpload {
  role: string;
  index: number;
  ms: number;
}

/**
 * Watches every chunk the recorder uploads, over HTTP (small ones) and the calls socket (256 KiB or more, see
 * src/main/host/callSocket.ts, answered by id), through Playwright: only a run with DevTools attached can count them.
 */
export function countChunks(page: Page): ChunkUpload[] {
  const chunks: ChunkUpload[] = [];
  const started = new Map<string, number>();
  page.on('request', (request) => {
    if (request.url().includes('recordings.appendChunk'))
      started.set(request.url() + (request.postData()?.slice(0, 200) ?? ''), Date.now());
  });
  page.on('requestfinished', (request) => {
    if (!request.url().includes('recordings.appendChunk')) return;
    const key = request.url() + (request.postData() ?? '').slice(0, 200);
    const meta = /"role":"(\w+)","index":(\d+)/.exec(request.postData() ?? '');
    chunks.push({
      role: meta?.[1] ?? '?',
      index: Number(meta?.[2] ?? -1),
      ms: Date.now() - (started.get(key) ?? Date.now()),
    });
    started.delete(key);
  });
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/calls')) return;
    const sent = new Map<number, { role: string; index: number; at: number }>();
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') return;
      const { id, channel, input } = decodeCallFrame(payload);
      if (!channel.endsWith('recordings.appendChunk')) return;
      const { role, index } = input as { role: string; index: number };
      sent.set(id, { role, index, at: Date.now() });
    });
    socket.on('framereceived', ({ payload }) => {
      const id = (JSON.parse(String(payload)) as { id?: number }).id ?? -1;
      const call = sent.get(id);
      if (!call) return;
      sent.delete(id);
      chunks.push({ role: call.role, index: call.index, ms: Date.now() - call.at });
    });
  });
  return chunks;
}

/** Index gaps (chunks never written), chunks of one file answered out of order, slow uploads; and lines saying so. */
export function chunkReport(chunks: readonly ChunkUpload[]): { gaps: number; outOfOrder: number; lines: string[] } {
  const byRole = new Map<string, number[]>();
  for (const chunk of chunks) byRole.set(chunk.role, [...(byRole.get(chunk.role) ?? []), chunk.index]);
  const gaps = [...byRole.values()].reduce((sum, indexes) => {
    const sorted = [...indexes].sort((a, b) => a - b);
    return sum + sorted.reduce((missing, index, i) => missing + (i > 0 ? index - (sorted[i - 1] ?? 0) - 1 : index), 0);
  }, 0);
  // Each chunk is written where its index says, but one answered late is a sign the uploads queue up.
  const outOfOrder = [...byRole.values()].reduce(
    (sum, indexes) => sum + indexes.filter((index, i) => i > 0 && index < (indexes[i - 1] ?? 0)).length,
    0,
  );
  const late = chunks.filter((chunk) => chunk.ms > 1000).length;
  return {
    gaps,
    outOfOrder,
    lines: [
      `chunks written: ${chunks.length} (${[...byRole].map(([role, list]) => `${role} ${list.length}`).join(', ')})`,
      `dropped (index gaps): ${gaps}; out of order: ${outOfOrder}; late (upload > 1 s): ${late}; slowest upload ${Math.max(0, ...chunks.map((c) => c.ms))} ms`,
    ],
  };
}
