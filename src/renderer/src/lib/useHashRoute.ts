import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { screen: 'library'; view: 'active' | 'trash' }
  | { screen: 'project'; projectId: string }
  | { screen: 'lesson'; lessonId: string }
  | { screen: 'record'; lessonId: string }
  | { screen: 'edit'; lessonId: string }
  | { screen: 'results'; lessonId: string };

/**
 * The place lives in the address hash so a reload keeps it: `#/`, `#/trash`, `#/project/<id>`, `#/lesson/<id>`,
 * `#/lesson/<id>/record`, `#/lesson/<id>/edit`, `#/lesson/<id>/results`.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const project = /^\/project\/([^/?#]+)$/.exec(path);
  if (project?.[1]) return { screen: 'project', projectId: decodeURIComponent(project[1]) };
  const lesson = /^\/lesson\/([^/?#]+)(?:\/(record|edit|results))?$/.exec(path);
  if (lesson?.[1])
    return {
      screen: lesson[2] === 'record' || lesson[2] === 'edit' || lesson[2] === 'results' ? lesson[2] : 'lesson',
      lessonId: decodeURIComponent(lesson[1]),
    };
  if (path === '/trash') return { screen: 'library', view: 'trash' };
  return { screen: 'library', view: 'active' };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'project':
      return `#/project/${encodeURIComponent(route.projectId)}`;
    case 'lesson':
      return `#/lesson/${encodeURIComponent(route.lessonId)}`;
    case 'record':
      return `#/lesson/${encodeURIComponent(route.lessonId)}/record`;
    case 'edit':
      return `#/lesson/${encodeURIComponent(route.lessonId)}/edit`;
    case 'results':
      return `#/lesson/${encodeURIComponent(route.lessonId)}/results`;
    case 'library':
      return route.view === 'trash' ? '#/trash' : '#/';
  }
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
