import net from 'node:net';

export interface DropProxy {
  readonly url: string;
  /** Request lines seen (method and path), in order, to see where an upload resumed. */
  readonly requests: string[];
  readonly drops: number;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy that cuts one connection once, after `dropAfterBytes` bytes have gone towards the server:
 * a dropped connection in the middle of an upload, as a school's Wi-Fi does. With `stall`, that connection is not
 * cut but goes silent (nothing more reaches the server), so the upload hangs mid-way for as long as a test needs.
 */
export async function startDropProxy(
  target: string,
  dropAfterBytes: number,
  { stall = false }: { stall?: boolean } = {},
): Promise<DropProxy> {
  const { hostname, port } = new URL(target);
  const requests: string[] = [];
  let forwarded = 0;
  let drops = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    let silent = false;
    client.on('data', (chunk: Buffer) => {
      if (silent) return;
      const line = /^(GET|PUT|POST|DELETE) (\S+)/.exec(chunk.toString('latin1'));
      if (line) requests.push(`${line[1] ?? ''} ${line[2] ?? ''}`);
      forwarded += chunk.byteLength;
      if (drops === 0 && forwarded > dropAfterBytes) {
        drops += 1;
        if (stall) silent = true;
        else closeBoth();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    get drops() {
      return drops;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
