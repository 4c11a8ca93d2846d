import { useEffect, useRef } from 'react';
import { renderNotes } from '@player/ui/notesView';
import type { NoteFile } from '@shared/notes/files';
import { describeError } from '../../lib/errors';
import { mediaUrl } from '../../studio';
import { Banner } from '../../ui/Banner';
import type { PreviewState } from './useNotesPreview';
import 'katex/dist/katex.min.css';
import '@player/ui/player.css';
import styles from './NotesPanel.module.css';

interface NotesPreviewPaneProps {
  preview: PreviewState;
  files: readonly NoteFile[];
  onSeek: (lessonMs: number) => void;
}

/**
 * The notes as learners will read them: the HTML main compiled, shown through the player's own allow-list copy, with
 * the lesson's files from the media folder. A key-moment link moves the editor's playhead.
 */
export function NotesPreviewPane({ preview, files, onSeek }: NotesPreviewPaneProps) {
  const host = useRef<HTMLDivElement>(null);
  const html = preview.result?.ok ? preview.result.html : null;

  useEffect(() => {
    const element = host.current;
    if (!element || html === null) return;
    const body = document.createElement('div');
    body.className = 'fs-notes-body';
    const byName = new Map(files.map((file) => [`files/${encodeURIComponent(file.name)}`, file.path]));
    renderNotes(body, html, {
      baseUrl: window.location.href,
      fileUrl: (path) => new URL(mediaUrl(byName.get(path) ?? 'missing'), window.location.href).href,
    });
    element.replaceChildren(body);
  }, [html, files]);

  return (
    <section className={styles.preview} aria-labelledby="notes-preview-heading" aria-busy={preview.pending}>
      <h3 id="notes-preview-heading" className={styles.paneTitle}>
        Preview {preview.pending && <span className="muted">(updating…)</span>}
      </h3>
      {preview.error !== null && (
        <Banner tone="error" as="p">
          {describeError(preview.error)}
        </Banner>
      )}
      {preview.result && !preview.result.ok && (
        <p className="hint">Fix the problems listed under the notes to see them as learners will.</p>
      )}
      {html === '' && <p className="hint">Your notes will show here as learners read them.</p>}
      <div
        ref={host}
        className={styles.previewBody}
        hidden={html === null || html === ''}
        onClick={(event) => {
          const link = (event.target as Element).closest('a[data-seek]');
          if (!link) return;
          event.preventDefault();
          onSeek(Number(link.getAttribute('data-seek')));
        }}
      />
    </section>
  );
}
