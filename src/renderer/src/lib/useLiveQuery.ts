import { useCallback, useEffect, useRef, useState } from 'react';

type Unsubscribe = () => void;
/** Subscribes to one change event, e.g. `(listener) => studio.projects.onDidChange(listener)`. */
export type ChangeSource = (listener: () => void) => Unsubscribe;

export interface LiveQuery<T> {
  data: T | undefined;
  /** The `key` that `data` was loaded for; it lags behind `key` while the next answer is on its way. */
  dataKey: string | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
  /** Shows an answer the service already gave (e.g. the new order after a move) without waiting for the event. */
  setData: (data: T) => void;
}

/**
 * Loads `load()` and loads it again whenever one of `sources` fires or `key` changes. Answers that arrive out of
 * order are dropped, so a slow early search never overwrites a later one.
 */
export function useLiveQuery<T>(load: () => Promise<T>, key: string, sources: readonly ChangeSource[]): LiveQuery<T> {
  const [state, setState] = useState<{
    data: T | undefined;
    dataKey: string | undefined;
    error: unknown;
    isLoading: boolean;
  }>({
    data: undefined,
    dataKey: undefined,
    error: null,
    isLoading: true,
  });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);
  keyRef.current = key;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    const loadingKey = keyRef.current;
    loadRef.current().then(
      (data) => {
        if (ticket === latest.current) setState({ data, dataKey: loadingKey, error: null, isLoading: false });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState((previous) => ({ ...previous, error, isLoading: false }));
      },
    );
  }, []);

  useEffect(() => {
    setState((previous) => ({ ...previous, isLoading: true }));
    reload();
  }, [key, reload]);

  const sourcesRef = useRef(sources);
  useEffect(() => {
    const offs = sourcesRef.current.map((subscribe) => subscribe(reload));
    return () => offs.forEach((off) => off());
  }, [reload]);

  const setData = useCallback((data: T) => {
    latest.current += 1;
    setState({ data, dataKey: keyRef.current, error: null, isLoading: false });
  }, []);

  return { ...state, reload, setData };
}
