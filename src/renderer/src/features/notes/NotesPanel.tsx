import { useRef } from 'react';
import { Label, MenuTrigger, TextArea, TextField, type Key } from 'react-aria-components';
import { ChevronDown, Plus } from 'lucide-react';
import type { LessonDocument } from '@shared/editor/document';
import { NOTE_COMPONENTS } from '@shared/notes/components';
import type { NoteFile } from '@shared/notes/files';
import { formatTimecode } from '@shared/timeline';
import type { Editor } from '../../lib/lessonEditing';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { studio } from '../../studio';
import { Button } from '../../ui/Button';
import { MenuItem, MenuList, MenuPopover } from '../../ui/Menu';
import { insertAt, offsetOfLine } from './insertText';
import { NoteFiles } from './NoteFiles';
import { NotesPreviewPane } from './NotesPreviewPane';
import { NoteProblems } from './NoteProblems';
import { useNotesPreview } from './useNotesPreview';
import { useNotesText } from './useNotesText';
import styles from './NotesPanel.module.css';

interface NotesPanelProps {
  lessonId: string;
  doc: LessonDocument;
  editor: Editor;
  /** Where the playhead is, for a key moment inserted "here". */
  playheadMs: () => number;
  onSeek: (lessonMs: number) => void;
}

/**
 * The lesson's notes: MDX source saved into the lesson as it is typed (undo like every other edit), the components
 * offered from the same list the compiler allows, every problem with its line, and a preview as learners read it.
 */
export function NotesPanel({ lessonId, doc, editor, playheadMs, onSeek }: NotesPanelProps) {
  const notes = useNotesText(editor, doc.notes);
  const preview = useNotesPreview(lessonId, notes.text, doc.checkpoints.length);
  const files = useLiveQuery(() => studio.notes.files({ lessonId }), lessonId, [
    (listener) => studio.notes.onDidChange(({ lessonId: changed }) => changed === lessonId && listener()),
  ]);
  const area = useRef<HTMLTextAreaElement>(null);

  function insert(snippet: string, block: boolean) {
    const element = area.current;
    const start = element?.selectionStart ?? notes.text.length;
    const end = element?.selectionEnd ?? notes.text.length;
    const next = insertAt(notes.text, start, end, snippet, block);
    notes.change(next.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  }

  function insertComponent(name: Key) {
    const component = NOTE_COMPONENTS.find((item) => item.name === name);
    if (!component) return;
    if (component.name === 'KeyMoment')
      insert(`<KeyMoment at="${formatTimecode(playheadMs())}">What happens here</KeyMoment>`, false);
    else insert(component.example, component.children === 'markdown' || component.name === 'Figure');
  }

  function insertFile(file: NoteFile) {
    if (file.kind === 'image')
      insert(`<Figure src="${file.name}" alt="Describe the picture for learners who cannot see it" />`, true);
    else insert(`<Download file="${file.name}">${file.name}</Download>`, false);
  }

  function goToLine(line: number) {
    const element = area.current;
    if (!element) return;
    const offset = offsetOfLine(notes.text, line);
    element.focus();
    element.setSelectionRange(offset, offset);
  }

  const problems = preview.result && !preview.result.ok ? preview.result.problems : [];

  return (
    <div className={styles.panel}>
      <TextField
        className={styles.source}
        value={notes.text}
        onChange={notes.change}
        onBlur={notes.leave}
        isInvalid={problems.length > 0}
        validationBehavior="aria"
      >
        <div className={styles.sourceHead}>
          <Label className={styles.paneTitle}>Notes for learners</Label>
          <MenuTrigger>
            <Button size="sm">
              <Plus size={14} aria-hidden="true" />
              Insert
              <ChevronDown size={14} aria-hidden="true" />
            </Button>
            <MenuPopover placement="bottom end">
              <MenuList aria-label="Insert into the notes" onAction={insertComponent}>
                {NOTE_COMPONENTS.map((component) => (
                  <MenuItem key={component.name} id={component.name} textValue={component.name}>
                    <span className={styles.menuText}>
                      <strong>{component.name}</strong>
                      <span className={styles.menuWhat}>{component.what}</span>
                    </span>
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </MenuTrigger>
        </div>
        <TextArea
          ref={area}
          className={styles.textarea}
          spellCheck
          placeholder={
            '# What to read before class\n\nMarkdown, with <KeyMoment>, <Formula> and the other parts from Insert.'
          }
          aria-describedby={problems.length > 0 ? 'note-problems' : undefined}
        />
      </TextField>
      <NoteProblems id="note-problems" problems={problems} onGoToLine={goToLine} />
      <NoteFiles lessonId={lessonId} files={files.data ?? []} onInsert={insertFile} />
      <NotesPreviewPane preview={preview} files={files.data ?? []} onSeek={onSeek} />
    </div>
  );
}
