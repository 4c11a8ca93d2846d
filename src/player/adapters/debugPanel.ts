import type { CallLog, LoggedCall } from './callLog';
import './lms.css';

/**
 * A small panel listing the LMS calls and what the LMS answered, for a teacher whose gradebook shows nothing.
 * Opened with Ctrl+Shift+D or ?debug=1; text only (nothing here is ever parsed as HTML).
 */
export function installDebugPanel(win: Window, log: CallLog): { open: () => void; dispose: () => void } {
  const doc = win.document;
  let panel: HTMLElement | null = null;
  let unsubscribe: () => void = () => undefined;

  const row = (entry: LoggedCall) => {
    const item = doc.createElement('li');
    item.className = entry.error ? 'fs-debug-call fs-debug-error' : 'fs-debug-call';
    const time = doc.createElement('span');
    time.className = 'fs-debug-time';
    time.textContent = `${(entry.atMs / 1000).toFixed(1)} s`;
    const call = doc.createElement('code');
    call.textContent = entry.result === '' ? entry.call : `${entry.call} → ${JSON.stringify(entry.result)}`;
    item.append(time, call);
    if (entry.error) {
      const error = doc.createElement('span');
      error.className = 'fs-debug-message';
      error.textContent = entry.error;
      item.append(error);
    }
    return item;
  };

  const render = () => {
    if (!panel) return;
    const list = panel.querySelector('ol');
    const status = panel.querySelector('.fs-debug-status');
    const entries = log.entries();
    const errors = entries.filter((entry) => entry.error !== null).length;
    if (status)
      status.textContent = `${log.connection} · ${entries.length} call${entries.length === 1 ? '' : 's'} · ${errors === 0 ? 'no errors' : `${errors} error${errors === 1 ? '' : 's'}`}`;
    list?.replaceChildren(...entries.slice().reverse().map(row));
  };

  const open = () => {
    if (panel) return;
    panel = doc.createElement('aside');
    panel.className = 'fs-debug';
    panel.setAttribute('aria-label', 'LMS connection details');
    const header = doc.createElement('div');
    header.className = 'fs-debug-header';
    const title = doc.createElement('h2');
    title.textContent = 'LMS connection';
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'fs-debug-close';
    close.textContent = 'Close';
    close.addEventListener('click', () => hide());
    header.append(title, close);
    const status = doc.createElement('p');
    status.className = 'fs-debug-status';
    const hint = doc.createElement('p');
    hint.className = 'fs-debug-hint';
    hint.textContent = 'Newest first. Ctrl+Shift+D hides this panel.';
    panel.append(header, status, hint, doc.createElement('ol'));
    doc.body.append(panel);
    unsubscribe = log.subscribe(render);
    render();
  };
  const hide = () => {
    unsubscribe();
    panel?.remove();
    panel = null;
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey && event.shiftKey && (event.key === 'D' || event.key === 'd')) {
      event.preventDefault();
      if (panel) hide();
      else open();
    }
  };
  win.addEventListener('keydown', onKey, true);
  if (new URLSearchParams(win.location.search).get('debug') === '1') open();
  return {
    open,
    dispose: () => {
      win.removeEventListener('keydown', onKey, true);
      hide();
    },
  };
}

/** A message above the player that does not hide it; the learner may dismiss it. */
export function showBanner(win: Window, before: HTMLElement, message: string, onDetails: () => void): void {
  const doc = win.document;
  const banner = doc.createElement('div');
  banner.className = 'fs-lms-banner';
  banner.setAttribute('role', 'status');
  const text = doc.createElement('p');
  text.textContent = message;
  const details = doc.createElement('button');
  details.type = 'button';
  details.textContent = 'Details';
  details.addEventListener('click', onDetails);
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => banner.remove());
  banner.append(text, details, dismiss);
  before.before(banner);
}
