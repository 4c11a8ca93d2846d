import { WebSocketServer, type RawData } from 'ws';
import type { Studio } from '../studio';
import { decodeCallFrame, encodeWire } from '@shared/contract/wire';

/**
 * Calls over a WebSocket, for the page's calls that carry bytes. Chromium uploads an HTTP body given as an
 * ArrayBuffer through a small pipe (about 220 ms for a 4 MiB render write here), and one given as a Blob keeps
 * the bytes in the browser process until the page's garbage collector frees the Blob: memory that grew with every
 * render. A binary WebSocket message is neither. Each call is answered with its id; calls run in arrival order.
 */
export function createCallSockets(studio: Studio, maxPayload: number) {
  const server = new WebSocketServer({ noServer: true, maxPayload });
  server.on('connection', (client) => {
    // A broken frame: ws has closed the socket with the matching status code; the page opens another.
    client.on('error', () => undefined);
    let queue: Promise<void> = Promise.resolve();
    client.on('message', (data: RawData, isBinary: boolean) => {
      queue = queue.then(async () => {
        let id: number | null = null;
        try {
          const frame = bytesOf(data);
          if (isBinary && frame.byteLength >= 4)
            id = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
          if (!isBinary) throw new Error('Calls are binary frames');
          const call = decodeCallFrame(frame);
          const result = await studio.dispatcher.dispatch(call.channel, call.input);
          client.send(encodeWire({ id, result }));
        } catch (error) {
          if (id === null) return client.close(1003, 'Malformed call frame');
          client.send(
            encodeWire({
              id,
              result: {
                ok: false,
                error: { code: 'invalid_input', message: `The call is not valid: ${(error as Error).message}` },
              },
            }),
          );
        }
      });
    });
  });
  return server;
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
