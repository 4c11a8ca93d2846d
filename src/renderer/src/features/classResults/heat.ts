/** The stretches of the heat strip most learners went back over: runs of neighbouring parts at the highest count. */
export function hottestStretches(
  heat: readonly number[],
  durationMs: number,
  count = 3,
): { startMs: number; endMs: number; learners: number }[] {
  const binMs = heat.length > 0 ? durationMs / heat.length : 0;
  const runs: { startMs: number; endMs: number; learners: number }[] = [];
  heat.forEach((value, bin) => {
    if (value === 0) return;
    const last = runs.at(-1);
    if (last && last.endMs === Math.round(bin * binMs) && last.learners === value)
      last.endMs = Math.round((bin + 1) * binMs);
    else runs.push({ startMs: Math.round(bin * binMs), endMs: Math.round((bin + 1) * binMs), learners: value });
  });
  return runs.sort((a, b) => b.learners - a.learners || a.startMs - b.startMs).slice(0, count);
}
