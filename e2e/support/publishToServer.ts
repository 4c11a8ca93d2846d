import type { PublishJob } from '../../src/shared/contract/publish';
import { rpc } from './rpc';

/** Starts the studio's publish job to the connected class server, as the Publish dialog does. */
export async function publishToServer(
  host: Parameters<typeof rpc>[0],
  lessonId: string,
  renderId: string,
  title = 'Forces',
): Promise<string> {
  const { jobId } = await rpc<{ jobId: string }>(host, 'app:publish.start', {
    lessonId,
    format: 'classServer',
    renderIds: [renderId],
    title,
    description: '',
    language: 'en',
    version: '1.0',
    masteryPercent: 80,
    completion: { minWatchedPercent: 90, requireAllRequiredCheckpoints: true },
  });
  return jobId;
}

/** Waits for a publish job to leave `running`. */
export async function waitForJob(host: Parameters<typeof rpc>[0], jobId: string): Promise<PublishJob> {
  for (;;) {
    const job = await rpc<PublishJob>(host, 'app:publish.status', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
