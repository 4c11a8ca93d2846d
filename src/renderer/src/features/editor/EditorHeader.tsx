import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { ArrowLeft, Check, CloudAlert, LoaderCircle, Redo2, Undo2 } from 'lucide-react';
import { IconButton } from '../../ui/Button';
import type { Editor } from './useEditor';

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
    <div className="editor-header">
      <Link href={`#/lesson/${encodeURIComponent(lessonId)}`} className="back-link editor-back">
        <ArrowLeft size={16} aria-hidden="true" />
        Lesson
      </Link>
      <h1 id="page-title" className="editor-title">
        {title}
      </h1>
      <span className={`save-state save-state-${editor.saveState}`} role="status">
        <Icon size={14} aria-hidden="true" />
        {SAVE_TEXT[editor.saveState]}
      </span>
      <span className="editor-header-gap" />
      {tools}
      <IconButton
        aria-label={editor.undoLabel ? `Undo ${editor.undoLabel}` : 'Undo'}
        isDisabled={!editor.undoLabel}
        onPress={editor.undo}
      >
        <Undo2 size={18} aria-hidden="true" />
      </IconButton>
      <IconButton
        aria-label={editor.redoLabel ? `Redo ${editor.redoLabel}` : 'Redo'}
        isDisabled={!editor.redoLabel}
        onPress={editor.redo}
      >
        <Redo2 size={18} aria-hidden="true" />
      </IconButton>
    </div>
  );
}
