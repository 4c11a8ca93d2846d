import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublishJob } from '@shared/contract/publish';
import { videoOf } from '@shared/publish/options';
import { studio } from '../../studio';
import { cutLayers, type LayersCut } from './cutLayers';

type Options = Awaited<ReturnType<typeof studio.publish.options>>;

/** The dialog's data: what can be published, which host we run in, and the job once started. */
export function usePublish(lessonId: string, isOpen: boolean) {
  const [options, setOptions] = useState<Options | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [host, setHost] = useState<'electron' | 'browser' | 'cli' | null>(null);
  const [job, setJob] = useState<PublishJob | null>(null);
  const [cutFraction, setCutFraction] = useState<number | null>(null);
  const cut = useRef<LayersCut | null>(null);

  useEffect(() => {
    if (!isOpen) return;
    let live = true;
    setOptions(null);
    setLoadError(null);
    setJob(null);
    Promise.all([studio.publish.options({ lessonId }), studio.app.info({})])
      .then(([loaded, info]) => {
        if (!live) return;
        setOptions(loaded);
        setHost(info.host);
      })
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
      cut.current?.cancel();
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
    async (input: Parameters<typeof studio.publish.start>[0]) => {
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
  return { options, loadError, host, job, cutting, start, reset: () => setJob(null) };
}
