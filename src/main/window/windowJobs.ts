import type { JobRegistry } from '../jobs/JobRegistry';

/** The parts of Electron's WebContents this needs (kept structural so the rule is tested without Electron). */
export interface PageEvents {
  readonly id: number;
  on(event: 'destroyed' | 'render-process-gone', listener: () => void): unknown;
  on(
    event: 'did-start-navigation',
    listener: (details: { isMainFrame: boolean; isSameDocument: boolean }) => void,
  ): unknown;
}

/**
 * A window's long jobs belong to its page: a render encodes in that page and an upload streams from it, so once the
 * page is gone (closed, crashed, reloaded or sent elsewhere) nothing will ever finish them. Cancel them at once, which
 * removes their partial files, rather than leave them running until the studio closes.
 */
export function cancelJobsWhenPageGoes(contents: PageEvents, jobs: Pick<JobRegistry, 'cancelOwner'>): void {
  const owner = `window:${contents.id}`;
  const cancel = () => void jobs.cancelOwner(owner);
  contents.on('destroyed', cancel);
  contents.on('render-process-gone', cancel);
  // A new document in the main frame (a reload); moving between screens changes only the hash, the same document.
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) cancel();
  });
}
