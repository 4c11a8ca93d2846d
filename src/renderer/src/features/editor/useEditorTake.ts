import { useEffect, useState } from 'react';
import type { Take } from '@shared/media/takes';
import { studio } from '../../studio';

/** The take the document edits, for its files; loaded beside the document, not after it. */
export function useEditorTake(lessonId: string, takeId: string | undefined): Take | null | undefined {
  const [takes, setTakes] = useState<Take[] | null>(null);
  useEffect(() => {
    let live = true;
    studio.takes.list({ lessonId }).then(
      (list) => live && setTakes(list),
      () => live && setTakes([]),
    );
    return () => {
      live = false;
    };
  }, [lessonId]);
  if (takes === null || takeId === undefined) return undefined;
  return takes.find((take) => take.id === takeId) ?? null;
}
