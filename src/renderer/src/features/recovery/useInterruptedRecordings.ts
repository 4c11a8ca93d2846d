import { useCallback, useEffect, useRef, useState } from 'react';
import type { InterruptedTake, Take } from '@shared/media/takes';
import { studio } from '../../studio';
import { describeError } from '../../lib/errors';

/**
 * Main offers a take once its heartbeat is over 10 s old, so a check right at start-up can come too early (the
 * app restarted moments after the crash). The list is checked again every few seconds while the app is open.
 */
const CHECK_EVERY_MS = 4000;

export type RecoveryItem =
  | { status: 'waiting' | 'recovering' | 'confirm-discard' | 'discarding'; take: InterruptedTake; error: string | null }
  | { status: 'recovered'; take: InterruptedTake; recovered: Take; error: null };

export function useInterruptedRecordings() {
  const [items, setItems] = useState<RecoveryItem[]>([]);
  /** Takes the teacher put off with "Later": not offered again until the next start. */
  const postponed = useRef(new Set<string>());

  useEffect(() => {
    let live = true;
    const check = () =>
      void studio.recordings
        .listInterrupted({})
        .then((found) => {
          if (!live) return;
          setItems((current) => {
            const known = new Set(current.map((item) => item.take.id));
            const fresh = found.filter((take) => !known.has(take.id) && !postponed.current.has(take.id));
            return fresh.length === 0
              ? current
              : [...current, ...fresh.map((take) => ({ status: 'waiting' as const, take, error: null }))];
          });
        })
        .catch(() => undefined);
    check();
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);

  const update = useCallback((id: string, next: (item: RecoveryItem) => RecoveryItem | null) => {
    setItems((current) =>
      current.flatMap((item) => {
        if (item.take.id !== id) return [item];
        const changed = next(item);
        return changed ? [changed] : [];
      }),
    );
  }, []);

  const recover = useCallback(
    async (take: InterruptedTake) => {
      update(take.id, () => ({ status: 'recovering', take, error: null }));
      try {
        const recovered = await studio.recordings.recover({ takeId: take.id });
        update(take.id, () => ({ status: 'recovered', take, recovered, error: null }));
      } catch (error) {
        update(take.id, () => ({ status: 'waiting', take, error: describeError(error) }));
      }
    },
    [update],
  );

  const discard = useCallback(
    async (take: InterruptedTake) => {
      update(take.id, () => ({ status: 'discarding', take, error: null }));
      try {
        await studio.recordings.discard({ takeId: take.id });
        update(take.id, () => null);
      } catch (error) {
        update(take.id, () => ({ status: 'waiting', take, error: describeError(error) }));
      }
    },
    [update],
  );

  const askDiscard = useCallback(
    (take: InterruptedTake, asking: boolean) =>
      update(take.id, () => ({ status: asking ? 'confirm-discard' : 'waiting', take, error: null })),
    [update],
  );

  /** Closes the dialog; what is still waiting is offered again at the next start. */
  const close = useCallback(() => {
    setItems((current) => {
      for (const item of current) postponed.current.add(item.take.id);
      return [];
    });
  }, []);

  return { items, recover, discard, askDiscard, close };
}
