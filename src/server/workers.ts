import cluster, { type Worker } from 'node:cluster';
import type { ServeIo } from '@shared/classServer/serveEntry';

/** A worker tells the primary it is listening, and where. */
interface ReadyMessage {
  readonly ready: string;
}

function isReady(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && typeof (message as ReadyMessage).ready === 'string';
}

export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/** A worker's channel to the primary keeps it alive; once it has closed down, it lets go so the process ends. */
export function leaveCluster(): void {
  cluster.worker?.disconnect();
}

/** In a worker: the primary prints the address once every worker listens. */
export function announceReady(url: string): void {
  process.send?.({ ready: url });
}

/**
 * `--workers n` on PostgreSQL: n server processes sharing one port (Node's cluster hands out connections), the way a
 * school runs several behind a load balancer, here on one machine. Each worker is the whole server; a worker that
 * dies is replaced. The primary itself serves nothing.
 */
export async function runWorkers(count: number, io: ServeIo): Promise<number> {
  let stopping = false;
  const workers = new Set<Worker>();
  let announced = false;
  const ready = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      ready.add(worker.id);
      if (!announced && ready.size >= count) {
        announced = true;
        io.stdout(`Flipside class server: ${message.ready}`);
        io.stderr(`  ${count} worker processes on one PostgreSQL database`);
      }
    });
    worker.on('exit', (code: number, signal: string | null) => {
      workers.delete(worker);
      if (stopping) return;
      io.stderr(`flipside serve: a worker stopped (${signal ?? `exit ${code}`}); starting another`);
      fork();
    });
  };
  for (let n = 0; n < count; n += 1) fork();
  await io.stopSignal;
  stopping = true;
  await Promise.all(
    [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
  return 0;
}
