import { useCallback, useEffect, useRef, useState } from 'react';
import type { CachedResults } from '@shared/contract/classServer';
import { studio } from '../../studio';

export interface ClassResultsState {
  readonly data: CachedResults | null;
  readonly refreshing: boolean;
  readonly error: unknown;
  readonly refresh: () => void;
}

/**
 * The lesson's results: the copy kept in the library first (it shows at once, and offline), then a fresh one from
 * the server, which replaces it when it comes.
 */
export function useClassResults(lessonId: string): ClassResultsState {
  const [data, setData] = useState<CachedResults | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const ticket = useRef(0);

  // Sets state only when the answer comes, so the effect below can start it.
  const fetchFresh = useCallback(() => {
    const mine = ++ticket.current;
    studio.classroom.results({ lessonId, refresh: true }).then(
      (fresh) => {
        if (mine !== ticket.current) return;
        // A failed refresh keeps what is shown and says why; the service already fell back to the kept copy.
        setData(fresh);
        setError(null);
        setRefreshing(false);
      },
      (failure: unknown) => {
        if (mine !== ticket.current) return;
        setError(failure);
        setRefreshing(false);
      },
    );
  }, [lessonId]);

  useEffect(() => {
    let live = true;
    void studio.classroom.results({ lessonId, refresh: false }).then((kept) => {
      if (live && kept.value !== null) setData((shown) => shown ?? kept);
    });
    fetchFresh();
    return () => {
      live = false;
    };
  }, [lessonId, fetchFresh]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    fetchFresh();
  }, [fetchFresh]);

  return { data, refreshing, error, refresh };
}
