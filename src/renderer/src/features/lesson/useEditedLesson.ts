import { useEffect, useMemo, useState } from 'react';
import type { PublishJob } from '@shared/contract/publish';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';

/**
 * The lesson as edited, for the lesson page: its document (none before there is a recording) and its renders, both
 * reloaded when another screen or window changes them.
 */
export function useEditedLesson(lessonId: string, takeId: string | null) {
  const editSources = useMemo<ChangeSource[]>(
    () => [(listener) => studio.editor.onDidChange(({ lessonId: changed }) => changed === lessonId && listener())],
    [lessonId],
  );
  const renderSources = useMemo<ChangeSource[]>(
    () => [(listener) => studio.renders.onDidChange(({ lessonId: changed }) => changed === lessonId && listener())],
    [lessonId],
  );
  // Opening creates the document the first time, so it waits for a recording to edit.
  const document = useLiveQuery(
    () => (takeId === null ? Promise.resolve(null) : studio.editor.open({ lessonId })),
    `${lessonId}|${takeId ?? ''}`,
    editSources,
  );
  const renders = useLiveQuery(() => studio.renders.list({ lessonId }), lessonId, renderSources);
  const current = document.dataKey === `${lessonId}|${takeId ?? ''}` ? (document.data ?? null) : null;
  return { doc: current, renders: renders.data ?? [], error: document.error };
}

/**
 * What this window published of the lesson, newest first, named as the finished job named it. The library keeps no
 * list of publishes yet, so a restart forgets them.
 */
export function usePublishedHere(lessonId: string): { name: string }[] {
  const [published, setPublished] = useState<{ name: string }[]>([]);
  useEffect(() => {
    setPublished([]);
    return studio.publish.onDidProgress((job: PublishJob) => {
      if (job.lessonId !== lessonId || job.state !== 'done' || job.output === null) return;
      const name = job.output.kind === 'classServer' ? 'on the class server' : job.output.name;
      setPublished((list) => [{ name }, ...list]);
    });
  }, [lessonId]);
  return published;
}
