import { checkPackage } from './check';
import { planPackage, type PackagePlan, type PlanAssets } from './plan';
import type { LessonSnapshot } from './snapshot';
import { totalBytes, writeFolder, writeZip } from './write';
import type { ReservedOutput } from '../jobs/outputs';

export type BuildStage = 'preparing' | 'writing' | 'checking' | 'done';

export interface BuildOptions {
  readonly assets: PlanAssets;
  readonly signal: AbortSignal;
  readonly onProgress: (stage: BuildStage, fraction: number) => void;
}

export interface BuildResult {
  readonly plan: PackagePlan;
  readonly sizeBytes: number;
}

/**
 * One snapshot to one package at `target.out` (a zip for SCORM, a folder for the web), written in `target.part`. A SCORM zip is checked with the same
 * code as `flipside check` before it is renamed into place, so an invalid package is never left where a teacher finds it.
 */
export async function buildPackage(
  snapshot: LessonSnapshot,
  target: ReservedOutput,
  options: BuildOptions,
): Promise<BuildResult> {
  options.onProgress('preparing', 0);
  const plan = planPackage(snapshot, options.assets);
  const total = Math.max(1, totalBytes(plan.entries));
  const write = {
    signal: options.signal,
    mtime: new Date(snapshot.takenAt),
    onBytes: (done: number) => options.onProgress('writing', Math.min(1, done / total)),
  };
  if (plan.format === 'web') {
    const sizeBytes = await writeFolder(plan.entries, target, write);
    options.onProgress('done', 1);
    return { plan, sizeBytes };
  }
  if (plan.format === 'classServer') {
    // The server checks what it hosts itself (paths, lesson.json, the launch tag); there is no manifest here.
    const sizeBytes = await writeZip(plan.entries, target, write);
    options.onProgress('done', 1);
    return { plan, sizeBytes };
  }
  const sizeBytes = await writeZip(plan.entries, target, write, async (part) => {
    options.onProgress('checking', 1);
    const report = await checkPackage(part, { schemaRoot: options.assets.schemaRoot });
    if (!report.ok) {
      const problems = report.lines.filter((line) => !line.ok).map((line) => line.message);
      throw new Error(`The package failed its own check, so it was not kept: ${problems.slice(0, 3).join('; ')}`);
    }
  });
  options.onProgress('done', 1);
  return { plan, sizeBytes };
}
