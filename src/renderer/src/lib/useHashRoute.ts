import { useCallback, useEffect, useState } from 'react';

export type Route = { screen: 'library'; view: 'active' | 'trash' } | { screen: 'project'; projectId: string };

/** The place lives in the address hash so a reload keeps it: `#/`, `#/trash`, `#/project/<id>`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const project = /^\/project\/([^/?#]+)$/.exec(path);
  if (project?.[1]) return { screen: 'project', projectId: decodeURIComponent(project[1]) };
  if (path === '/trash') return { screen: 'library', view: 'trash' };
  return { screen: 'library', view: 'active' };
}

export function hrefOf(route: Route): string {
  if (route.screen === 'project') return `#/project/${encodeURIComponent(route.projectId)}`;
  return route.view === 'trash' ? '#/trash' : '#/';
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = hrefOf(next);
  }, []);
  return [route, navigate];
}
