import { useEffect, useState } from 'react';
import type { Rendition } from '@shared/media/renders';
import { renditionSchema } from '@shared/media/renders';
import { createProgressMeter } from '@shared/render/progress';
import { Page } from '../../ui/Page';
import { startRender } from './startRender';

/** Lines the CLI reads from the page's console; one JSON object each, after this prefix. */
export const JOB_LINE_PREFIX = 'flipside-render ';

/**
 * `#/render-job/<lessonId>?height=720&burn=en`: runs one render and reports on the console, for `flipside render`;
 * `burn` names the captions to burn into the picture.
 */
export function parseRenderJobRoute(
  hash: string,
): { lessonId: string; rendition: Rendition; burnCaptions: string | null } | null {
  const match = /^#\/render-job\/([^/?#]+)(?:\?(.*))?$/.exec(hash);
  if (!match?.[1]) return null;
  const query = new URLSearchParams(match[2] ?? '');
  const rendition = renditionSchema.safeParse(Number(query.get('height') ?? '720'));
  return rendition.success
    ? { lessonId: decodeURIComponent(match[1]), rendition: rendition.data, burnCaptions: query.get('burn') }
    : null;
}

function report(event: Record<string, unknown>): void {
  console.log(`${JOB_LINE_PREFIX}${JSON.stringify(event)}`);
}

/** The same render code the lesson screen queues, with a bare page: the CLI drives it headless. */
export function RenderJobPage({
  lessonId,
  rendition,
  burnCaptions,
}: {
  lessonId: string;
  rendition: Rendition;
  burnCaptions: string | null;
}) {
  const [status, setStatus] = useState('Starting…');
  useEffect(() => {
    let meter: ReturnType<typeof createProgressMeter> | null = null;
    const handle = startRender(
      lessonId,
      rendition,
      { burnCaptions },
      {
        onPlanned: (plan) => {
          meter = createProgressMeter(plan.durationMs, performance.now());
          report({ type: 'planned', durationMs: plan.durationMs, label: plan.label, fastPath: plan.fastPath });
        },
        onProgress: (doneMs) => {
          const progress = meter?.update(doneMs, performance.now());
          if (!progress) return;
          setStatus(`${Math.floor(progress.percent)}%`);
          report({ type: 'progress', ...progress });
        },
      },
    );
    handle.result.then(
      ({ render, outcome, elapsedMs }) => {
        setStatus('Done');
        report({ type: 'done', render, outcome, elapsedMs });
      },
      (error: unknown) => {
        setStatus('Failed');
        report({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => handle.cancel();
  }, [lessonId, rendition, burnCaptions]);
  return (
    <Page aria-live="polite">
      <h1>Rendering</h1>
      <p>{status}</p>
    </Page>
  );
}
