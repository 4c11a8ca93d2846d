import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * A process's or thread's /proc stat file: its name and the fields after it (state first, so `fields[1]` is the
 * parent, `fields[11]` and `fields[12]` user and system time in ticks). The name is read up to the last parenthesis:
 * it may hold spaces and parentheses itself. Throws once the process has ended.
 */
function readStat(file: string): { name: string; fields: string[] } {
  const stat = fs.readFileSync(file, 'utf8');
  const close = stat.lastIndexOf(')');
  return { name: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') };
}

/**
 * The Chromium processes this test worker started (browser, renderers, GPU, utility), by walking /proc's parents;
 * with `root`, only those under that process (a Chromium the test spawned itself).
 */
export function ourChromiumPids(root = process.pid): number[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { name, fields } = readStat(`/proc/${entry}/stat`);
      names.set(Number(entry), name);
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // Gone already.
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === root) return true;
    return false;
  };
  return [...names].filter(([pid, name]) => /chrom/i.test(name) && (pid === root || isOurs(pid))).map(([pid]) => pid);
}

/** Chromium's kind of process (browser, renderer, gpu-process, utility…), from its command line. */
export function chromiumKindOf(pid: number): string {
  try {
    // Chromium rewrites its process titles, so the arguments may be separated by spaces rather than NULs.
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    return args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
  } catch {
    return 'gone';
  }
}

/**
 * Samples, every `everyMs`, the CPU each thread of our Chromium processes has used, and on stop says where it went,
 * by process kind and thread name (Chromium names its threads: CrRendererMain, DedicatedWorker, ThreadPoolForeg…),
 * largest first. Threads are sampled while they run because a worker's or codec's thread takes its CPU count with it
 * when it ends; a thread's last sample is at most `everyMs` short.
 */
export function sampleThreadCpu(everyMs = 250): () => { seconds: number; lines: string[] } {
  const ticksPerSecond = 100;
  const last = new Map<string, { key: string; seconds: number }>();
  const sample = () => {
    for (const pid of ourChromiumPids()) {
      const kind = chromiumKindOf(pid);
      let tasks: string[];
      try {
        tasks = fs.readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of tasks) {
        try {
          const { name, fields } = readStat(`/proc/${pid}/task/${tid}/stat`);
          const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
          last.set(`${pid}/${tid}`, { key: `${kind} ${name}`, seconds });
        } catch {
          // The thread ended between listing and reading.
        }
      }
    }
  };
  sample();
  const started = new Map([...last].map(([id, { seconds }]) => [id, seconds]));
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    sample();
    const byKey = new Map<string, number>();
    for (const [id, { key, seconds }] of last) {
      // A thread seen first after the start began during the job: all its CPU is the job's.
      byKey.set(key, (byKey.get(key) ?? 0) + seconds - (started.get(id) ?? 0));
    }
    const total = [...byKey.values()].reduce((sum, seconds) => sum + seconds, 0);
    return {
      seconds: total,
      lines: [
        `${total.toFixed(1).padStart(6)} s  in all`,
        ...[...byKey]
          .filter(([, seconds]) => seconds > 0.05)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([key, seconds]) => `${seconds.toFixed(1).padStart(6)} s  ${key}`),
      ],
    };
  };
}

/** CPU seconds of this process's children that have ended and been waited for (a native ffmpeg run, say). */
export function endedChildrenCpuSeconds(): number {
  const { fields } = readStat('/proc/self/stat');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** A field of /proc/<pid>/status in bytes (VmRSS now, VmHWM the peak); 0 once the process has ended. */
export function vmBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * A process's memory in bytes, from one read of /proc/<pid>/smaps_rollup (zeros once it has ended): resident (RSS),
 * proportional (PSS: a page shared by n processes counts 1/n, so a sum over processes is honest), and `allocated`,
 * its share of anonymous and shared memory (Pss_Anon + Pss_Shmem, also apart: a process's own heaps against the frame
 * buffers Chromium's processes share with each other). `allocated` leaves out file-backed pages (the browser binary's code): their share moves
 * whenever another Chromium on the machine starts or quits, which is not our growth.
 */
export function memoryOf(pid: number): { rss: number; pss: number; allocated: number; anon: number; shmem: number } {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
    const [anon, shmem] = [field('Pss_Anon'), field('Pss_Shmem')];
    return { rss: field('Rss'), pss: field('Pss'), allocated: anon + shmem, anon, shmem };
  } catch {
    return { rss: 0, pss: 0, allocated: 0, anon: 0, shmem: 0 };
  }
}

/**
 * Memory (anonymous and shared PSS) of the Chromium processes under `root` (see ourChromiumPids), in all and by
 * kind: what the studio's window costs on top of its main process.
 */
export function chromiumAllocated(root?: number): { total: number; kinds: Map<string, number> } {
  const kinds = new Map<string, number>();
  for (const pid of ourChromiumPids(root)) {
    const kind = chromiumKindOf(pid);
    kinds.set(kind, (kinds.get(kind) ?? 0) + memoryOf(pid).allocated);
  }
  return { total: [...kinds.values()].reduce((sum, bytes) => sum + bytes, 0), kinds };
}

/**
 * Ends a Chromium this test started (SIGTERM) and waits until it has gone, its helper processes too: they can
 * outlive the browser process for a moment, still writing into its profile. Nothing to do if it has gone already.
 */
export async function stopChromium(chromium: ChildProcess): Promise<void> {
  const helpers = chromium.pid === undefined ? [] : ourChromiumPids(chromium.pid);
  if (chromium.exitCode === null && chromium.signalCode === null) {
    const gone = new Promise((resolve) => chromium.once('exit', resolve));
    chromium.kill();
    await gone;
  }
  const deadline = Date.now() + 10_000;
  while (helpers.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Whether a process is still running (a zombie waiting to be reaped is not). */
function isRunning(pid: number): boolean {
  try {
    return readStat(`/proc/${pid}/stat`).fields[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Removes a Chromium profile this bench made, once Chromium has stopped (stopChromium). A profile that will not go
 * is left with a warning rather than failing the bench, or hiding the error it may be cleaning up after.
 */
export async function removeProfile(profile: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      fs.rmSync(profile, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt === 5) {
        console.warn(`left the Chromium profile ${profile}: ${String(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
