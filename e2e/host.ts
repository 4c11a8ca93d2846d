import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const WEB_ENTRY = path.resolve(__dirname, '..', 'out', 'main', 'web.js');
const READY_LINE = /^Flipside Studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/;

export interface RunningHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** The host process, for measuring it (the bench reads its peak memory). */
  readonly pid: number;
  stop(): Promise<void>;
  /** SIGKILL: the host dies as in a crash, with no chance to flush or close anything. */
  kill(): Promise<void>;
}

/** Starts the built browser host (`npm run build` first) on a data folder and waits for its address line. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const env = { ...process.env };
  delete env.FLIPSIDE_DATA;
  const child = spawn(process.execPath, [WEB_ENTRY, '--data', dataDir, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`The browser host exited (${code}) before it was ready: ${stderr.join('')}`)),
    );
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    pid: child.pid ?? -1,
    stop: () => stopChild(child, 'SIGTERM'),
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
