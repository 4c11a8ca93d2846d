import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublishJob } from '@shared/contract/publish';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { videoOf } from '@shared/publish/options';
import { studio } from '../../studio';
import { cutLayers, type LayersCut } from './cutLayers';
import type { RenderFirstProgress } from './followJobs';
import { renderFirst, type RenderFirst } from './renderFirst';

type Options = Awaited<ReturnType<typeof studio.publish.options>>;

/**
 * The dialog's data: what can be published, the lesson's recording (to offer render sizes), which host we run in,
 * and the job once started, with what runs before it: the cut for a player package, or the renders for a `renders`
 * one that has none up to date ("Render and publish").
 */
export function usePublish(lessonId: string, isOpen: boolean) {
  const [options, setOptions] = useState<Options | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [host, setHost] = useState<'electron' | 'browser' | 'cli' | null>(null);
  const [job, setJob] = useState<PublishJob | null>(null);
  const [cutFraction, setCutFraction] = useState<number | null>(null);
  const cut = useRef<LayersCut | null>(null);
  const [take, setTake] = useState<Take | null>(null);
  const [rendering, setRendering] = useState<RenderFirstProgress | null>(null);
  const renders = useRef<RenderFirst | null>(null);

  useEffect(() => {
    if (!isOpen) return;
    let live = true;
    setOptions(null);
    setLoadError(null);
    setJob(null);
    Promise.all([
      studio.publish.options({ lessonId }),
      studio.app.info({}),
      studio.takes.list({ lessonId, view: 'active' }),
    ])
      .then(([loaded, info, takes]) => {
        if (!live) return;
        setOptions(loaded);
        setHost(info.host);
        setTake(takes.find((candidate) => candidate.active) ?? null);
      })
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
      cut.current?.cancel();
      renders.current?.cancel();
    };
  }, [isOpen, lessonId]);

  const jobId = job?.jobId ?? null;
  useEffect(() => {
    if (jobId === null) return;
    const off = studio.publish.onDidProgress((next) => {
      if (next.jobId === jobId) setJob(next);
    });
    // An update may have gone out between start answering and this subscription.
    void studio.publish
      .status({ jobId })
      .then((current) => setJob((shown) => (shown && shown.state === 'running' ? current : shown)));
    return off;
  }, [jobId]);

  const start = useCallback(
    async (settings: Parameters<typeof studio.publish.start>[0], renderSizes: readonly Rendition[] = []) => {
      let input = settings;
      if (videoOf(input) === 'renders' && (input.renderIds ?? []).length === 0 && renderSizes.length > 0) {
        const running = renderFirst(lessonId, renderSizes, setRendering);
        renders.current = running;
        setRendering({ fraction: 0, label: 'Rendering…', etaMs: null });
        try {
          input = { ...input, renderIds: [...(await running.done)] };
          // Back at the settings after this publish, the new renders are offered like any other.
          void studio.publish.options({ lessonId }).then(setOptions, () => undefined);
        } finally {
          renders.current = null;
          setRendering(null);
        }
      }
      if (videoOf(input) === 'player') {
        // A player package carries the recording cut to the lesson: made first, here, since only a page encodes.
        const lessons = input.courseScope === 'project' && options ? options.courseLessonIds : [lessonId];
        const running = cutLayers(lessons, setCutFraction);
        cut.current = running;
        setCutFraction(0);
        try {
          await running.done;
        } finally {
          cut.current = null;
          setCutFraction(null);
        }
      }
      const { jobId: started } = await studio.publish.start(input);
      setJob({
        jobId: started,
        lessonId,
        state: 'running',
        stage: 'preparing',
        fraction: 0,
        output: null,
        error: null,
      });
    },
    [lessonId, options],
  );

  const cutting = cutFraction === null ? null : { fraction: cutFraction, cancel: () => cut.current?.cancel() };
  const renderingFirst = rendering && { ...rendering, cancel: () => renders.current?.cancel() };
  return { options, loadError, host, take, job, cutting, rendering: renderingFirst, start, reset: () => setJob(null) };
}
