import type { ReactNode } from 'react';
import { Check, CloudAlert, LoaderCircle, Redo2, Undo2 } from 'lucide-react';
import { MOD_KEY } from '../../lib/shortcutKeys';
import { Tooltip } from '../../ui/Tooltip';
import { cx } from '../../lib/classNames';
import { BackLink } from '../../ui/BackLink';
import { IconButton } from '../../ui/Button';
import type { Editor } from './useEditor';
import styles from './EditorHeader.module.css';

const SAVE_TEXT = { saved: 'All changes saved', saving: 'Saving…', failed: 'Not saved' } as const;

/** Back to the lesson, the title, autosave's state, lesson-wide tools, and undo/redo named after the step they take back. */
export function EditorHeader({
  lessonId,
  title,
  editor,
  tools,
}: {
  lessonId: string;
  /** The teacher's title inside it is isolated (quoted()). */
  title: ReactNode;
  editor: Editor;
  tools?: ReactNode;
}) {
  const Icon = editor.saveState === 'saved' ? Check : editor.saveState === 'saving' ? LoaderCircle : CloudAlert;
  return (
    <div className={styles.header}>
      <BackLink href={`#/lesson/${encodeURIComponent(lessonId)}`}>Lesson</BackLink>
      <h1 id="page-title" className={styles.title}>
        {title}
      </h1>
      <span
        className={cx(
          styles.saveState,
          editor.saveState === 'failed' && styles.failed,
          editor.saveState === 'saving' && styles.saving,
        )}
        role="status"
      >
        <Icon size={14} aria-hidden="true" />
        {SAVE_TEXT[editor.saveState]}
      </span>
      <span className={styles.gap} />
      {tools}
      <Tooltip text={`Undo (${MOD_KEY}+Z)`}>
        <IconButton
          aria-label={editor.undoLabel ? `Undo ${editor.undoLabel}` : 'Undo'}
          isDisabled={!editor.undoLabel}
          onPress={editor.undo}
        >
          <Undo2 size={18} aria-hidden="true" />
        </IconButton>
      </Tooltip>
      <Tooltip text={`Redo (${MOD_KEY}+Shift+Z)`}>
        <IconButton
          aria-label={editor.redoLabel ? `Redo ${editor.redoLabel}` : 'Redo'}
          isDisabled={!editor.redoLabel}
          onPress={editor.redo}
        >
          <Redo2 size={18} aria-hidden="true" />
        </IconButton>
      </Tooltip>
    </div>
  );
}
