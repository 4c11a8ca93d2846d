import { useCallback, useEffect, useRef, useState } from 'react';
import { PROJECT_PAGE_MAX } from '@shared/contract/projects';
import type { LibraryView, Project, ProjectSort } from '@shared/library/schemas';
import { studio } from '../../studio';

/** Rows fetched when a list opens or the teacher scrolls near its end: a few screens' worth. */
export const PROJECT_PAGE = 100;

export interface ProjectPages {
  /** The rows loaded so far, in order; undefined until the first page of this view has arrived. */
  items: Project[] | undefined;
  /** How many match in all (the rows not loaded yet included). */
  total: number;
  /** The query the rows were loaded for; it lags behind while the next search is on its way. */
  query: string;
  isLoadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

interface Loaded {
  key: string;
  query: string;
  items: Project[];
  total: number;
}

/**
 * The library's list, a page at a time: the first page when the view, search or sort changes, the next as the
 * teacher scrolls, and on every change in the library the rows already shown again (so nothing jumps). Answers that
 * arrive after a newer question are dropped, so a slow early search never overwrites a later one.
 */
export function useProjectPages(view: LibraryView, query: string, sort: ProjectSort): ProjectPages {
  const key = `${view}\n${sort}\n${query}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const loadedRef = useRef(loaded);
  const ask = useRef({ view, query, sort, key });
  // Before the effects below run: they read what is being asked and what is shown now.
  useEffect(() => {
    loadedRef.current = loaded;
    ask.current = { view, query, sort, key };
  });

  /** Rows [0, count) of the current question, in as few calls as the contract allows. */
  const fetchRows = useCallback(async (count: number) => {
    const { view: v, query: q, sort: s } = ask.current;
    const items: Project[] = [];
    let total: number;
    do {
      const page = await studio.projects.list({
        view: v,
        query: q,
        sort: s,
        offset: items.length,
        limit: Math.min(PROJECT_PAGE_MAX, count - items.length),
      });
      items.push(...page.items);
      total = page.total;
      if (page.items.length === 0) break;
    } while (items.length < Math.min(count, total));
    return { items, total };
  }, []);

  const reload = useCallback(() => {
    const ticket = ++generation.current;
    const { key: asked, query: q } = ask.current;
    const current = loadedRef.current;
    const count = current?.key === asked ? Math.max(PROJECT_PAGE, current.items.length) : PROJECT_PAGE;
    fetchRows(count).then(
      ({ items, total }) => {
        if (ticket !== generation.current) return;
        setError(null);
        setLoaded({ key: asked, query: q, items, total });
      },
      (failure: unknown) => {
        if (ticket === generation.current) setError(failure);
      },
    );
  }, [fetchRows]);

  useEffect(reload, [key, reload]);
  useEffect(() => studio.projects.onDidChange(reload), [reload]);

  const loadingMore = useRef(false);
  const loadMore = useCallback(() => {
    const current = loadedRef.current;
    if (loadingMore.current || !current || current.key !== ask.current.key) return;
    if (current.items.length >= current.total) return;
    const ticket = generation.current;
    const { view: v, query: q, sort: s } = ask.current;
    loadingMore.current = true;
    setLoadingMore(true);
    studio.projects
      .list({ view: v, query: q, sort: s, offset: current.items.length, limit: PROJECT_PAGE })
      .then(
        (page) => {
          if (ticket !== generation.current) return;
          setLoaded({ ...current, items: [...current.items, ...page.items], total: page.total });
        },
        (failure: unknown) => {
          if (ticket === generation.current) setError(failure);
        },
      )
      .finally(() => {
        loadingMore.current = false;
        setLoadingMore(false);
      });
  }, []);

  // While switching between Projects and Trash, the other view's rows must not show even for a moment.
  const sameView = loaded?.key.startsWith(`${view}\n`) ?? false;
  return {
    items: sameView ? loaded?.items : undefined,
    total: sameView ? (loaded?.total ?? 0) : 0,
    query: sameView ? (loaded?.query ?? '') : '',
    isLoadingMore,
    error,
    loadMore,
    reload,
  };
}
