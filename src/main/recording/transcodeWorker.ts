/**
 * The code that runs ffmpeg.wasm inside a `worker_threads` Worker. ffmpeg's `exec` is synchronous and takes as long
 * as the conversion (ffmpeg.wasm runs at about 0.4–0.9x real time), so it must never run on main's thread, where it
 * would freeze IPC and so the whole UI; a Worker can also be stopped mid-conversion with `terminate()`.
 *
 * The body is one self-contained function started with `eval: true` (its source text), so it needs no bundler entry
 * of its own and runs the same from vitest's TypeScript and from the built app: it may use only `require` and what
 * it is given in `workerData`.
 */
import type * as NodeFs from 'node:fs';
import type * as NodeWorkerThreads from 'node:worker_threads';

export interface TranscodeWorkerData {
  /** `@ffmpeg/core`'s UMD build, resolved by main, and the .wasm beside it. */
  corePath: string;
  wasmPath: string;
  /** Descriptors opened by main (they are process-wide), so main alone decides when the files exist. */
  inputFd: number;
  outputFd: number;
  /** Small files made by main (subtitles), written into ffmpeg's memory before it starts. */
  memoryFiles: { path: string; data: Uint8Array }[];
  args: string[];
}

export type TranscodeWorkerMessage =
  { type: 'log'; line: string } | { type: 'done'; exitCode: number } | { type: 'failed'; message: string };

/** The few parts of Emscripten's FS the worker touches. */
interface EmscriptenNode {
  node_ops: Record<string, unknown> & { getattr: (node: EmscriptenNode) => Record<string, unknown> };
  stream_ops: Record<string, unknown>;
}
interface EmscriptenStream {
  position: number;
}
interface FFmpegCore {
  FS: {
    writeFile(path: string, data: Uint8Array): void;
    lookupPath(path: string): { node: EmscriptenNode };
    ErrnoError: new (errno: number) => Error;
  };
  setLogger(logger: (message: { type: string; message: string }) => void): void;
  exec(...args: string[]): number;
}
type CreateCore = (options: { wasmBinary: Uint8Array; locateFile: (file: string) => string }) => Promise<FFmpegCore>;

export function transcodeWorkerMain(): void {
  // An eval'd worker has only CommonJS `require`; imports from the enclosing module would not exist in it.
  /* eslint-disable @typescript-eslint/no-require-imports -- this function runs as an eval'd CommonJS worker */
  const fs = require('node:fs') as typeof NodeFs;
  const { parentPort, workerData } = require('node:worker_threads') as {
    parentPort: NodeWorkerThreads.MessagePort | null;
    workerData: unknown;
  };
  const data = workerData as TranscodeWorkerData;
  const post = (message: TranscodeWorkerMessage) => parentPort?.postMessage(message);

  // The core is built for browser workers only (ENVIRONMENT_IS_WORKER): it reads `self.location` once to find its
  // folder. The .wasm is handed over as bytes, so that folder is never fetched from.
  (globalThis as { self?: unknown }).self = { location: { href: `file://${data.corePath}` } };

  /**
   * ffmpeg.wasm has no NODEFS, and WORKERFS needs the browser's FileReaderSync. So each file is an in-memory FS
   * node whose reads and writes go straight to a real descriptor: nothing is copied into wasm memory, a 4 GB
   * lecture streams through like a small one, and the output is written (and re-read for +faststart) on disk.
   */
  const hostFile = (core: FFmpegCore, emPath: string, fd: number): void => {
    const { FS } = core;
    FS.writeFile(emPath, new Uint8Array(0));
    const node = FS.lookupPath(emPath).node;
    const baseGetattr = node.node_ops.getattr;
    node.node_ops = {
      ...node.node_ops,
      getattr: (self: EmscriptenNode) => ({ ...baseGetattr(self), size: fs.fstatSync(fd).size }),
      setattr: (_self: EmscriptenNode, attr: { size?: number }) => {
        if (attr.size !== undefined) fs.ftruncateSync(fd, attr.size);
      },
    };
    node.stream_ops = {
      llseek: (stream: EmscriptenStream, offset: number, whence: number) => {
        const base = whence === 1 ? stream.position : whence === 2 ? fs.fstatSync(fd).size : 0;
        if (base + offset < 0) throw new FS.ErrnoError(28); // EINVAL
        return base + offset;
      },
      read: (_stream: EmscriptenStream, buffer: Uint8Array, offset: number, length: number, position: number) =>
        fs.readSync(fd, buffer, offset, length, position),
      write: (_stream: EmscriptenStream, buffer: Uint8Array, offset: number, length: number, position: number) =>
        fs.writeSync(fd, buffer, offset, length, position),
    };
  };

  const run = async (): Promise<void> => {
    const createCore = require(data.corePath) as CreateCore;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const core = await createCore({ wasmBinary: fs.readFileSync(data.wasmPath), locateFile: () => data.wasmPath });
    core.setLogger(({ message }) => post({ type: 'log', line: message }));
    hostFile(core, '/input', data.inputFd);
    hostFile(core, '/output.mp4', data.outputFd);
    for (const file of data.memoryFiles) core.FS.writeFile(file.path, file.data);
    const exitCode = core.exec(...data.args);
    post({ type: 'done', exitCode });
  };
  run().catch((error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}
