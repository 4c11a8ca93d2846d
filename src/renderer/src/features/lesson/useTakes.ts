import { useCallback, useMemo } from 'react';
import type { Take } from '@shared/media/takes';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';
import { useToast } from '../../ui/Toast';
import { quoted } from '../../ui/Quoted';
import type { ReactNode } from 'react';

/** A lesson's takes (and its trashed ones), reloaded whenever main says they changed. */
export function useTakes(lessonId: string) {
  const toast = useToast();
  const sources = useMemo<ChangeSource[]>(
    () => [(listener) => studio.takes.onDidChange(({ lessonId: changed }) => changed === lessonId && listener())],
    [lessonId],
  );
  const active = useLiveQuery(() => studio.takes.list({ lessonId, view: 'active' }), lessonId, sources);
  const trashed = useLiveQuery(() => studio.takes.list({ lessonId, view: 'trash' }), lessonId, sources);

  /** Runs a take action from a button: the toast says how it went, so the caller has nothing to await. */
  const run = useCallback(
    (action: () => Promise<unknown>, message?: ReactNode): void => {
      action().then(
        () => {
          if (message) toast.show({ message });
        },
        (error: unknown) => toast.error(error),
      );
    },
    [toast],
  );

  const actions = useMemo(
    () => ({
      rename: async (take: Take, title: string) => {
        await studio.takes.rename({ id: take.id, title });
      },
      trash: (take: Take) => run(() => studio.takes.trash({ id: take.id }), quoted('', take.title, ' moved to trash')),
      restore: (take: Take) => run(() => studio.takes.restore({ id: take.id }), quoted('', take.title, ' restored')),
    }),
    [run],
  );

  const takes = active.data ?? [];
  return {
    takes,
    trashed: trashed.data ?? [],
    activeTake: takes.find((take) => take.active) ?? null,
    isLoading: active.isLoading,
    error: active.error,
    actions,
  };
}
