import fs from 'node:fs';

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
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
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
