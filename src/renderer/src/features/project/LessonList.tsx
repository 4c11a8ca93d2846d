import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Button as AriaButton, DropIndicator, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import { ArrowDown, ArrowUp, ChevronRight, GripVertical, Pencil, Trash2 } from 'lucide-react';
import type { Lesson } from '@shared/library/schemas';
import { ActionMenu, type MenuAction } from '../../ui/Menu';
import { targetIndexOf } from './reorder';

interface LessonListProps {
  lessons: Lesson[];
  onMove: (lesson: Lesson, toIndex: number) => void;
  onRename: (lesson: Lesson) => void;
  onTrash: (lesson: Lesson, index: number) => void;
  /** Opens the lesson's own screen: its takes, the recorder. */
  onOpen: (lesson: Lesson) => void;
}

function actionsFor(index: number, count: number): MenuAction[] {
  return [
    { id: 'rename', label: 'Rename…', icon: <Pencil size={16} /> },
    { id: 'up', label: 'Move up', icon: <ArrowUp size={16} />, isDisabled: index === 0 },
    { id: 'down', label: 'Move down', icon: <ArrowDown size={16} />, isDisabled: index === count - 1 },
    { id: 'trash', label: 'Delete lesson', icon: <Trash2 size={16} />, isDanger: true, separatorBefore: true },
  ];
}

export function LessonList({ lessons, onMove, onRename, onTrash, onOpen }: LessonListProps) {
  const indexById = new Map(lessons.map((lesson, index) => [lesson.id, index]));
  const listRef = useRef<HTMLDivElement>(null);
  // The row moved with Alt+Arrow keeps keyboard focus after React reorders the rows.
  const refocus = useRef<string | null>(null);

  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-lesson-id="${CSS.escape(id)}"]`)?.focus();
  }, [lessons]);

  const move = (lesson: Lesson, toIndex: number) => {
    if (toIndex < 0 || toIndex >= lessons.length) return;
    onMove(lesson, toIndex);
  };

  const { dragAndDropHooks } = useDragAndDrop<Lesson>({
    getItems: (keys) =>
      [...keys].map((key) => ({ 'text/plain': lessons[indexById.get(String(key)) ?? -1]?.title ?? '' })),
    onReorder: (event) => {
      const [key] = [...event.keys];
      const from = indexById.get(String(key));
      const lesson = from === undefined ? undefined : lessons[from];
      const target = indexById.get(String(event.target.key));
      if (!lesson || from === undefined || target === undefined) return;
      onMove(lesson, targetIndexOf(from, target, event.target.dropPosition));
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="drop-indicator" />,
  });

  function onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-lesson-id]');
    const index = row ? indexById.get(row.dataset.lessonId ?? '') : undefined;
    const lesson = index === undefined ? undefined : lessons[index];
    if (!lesson || index === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    refocus.current = lesson.id;
    move(lesson, event.key === 'ArrowUp' ? index - 1 : index + 1);
  }

  return (
    <div ref={listRef} onKeyDownCapture={onKeyDownCapture}>
      <GridList
        aria-label="Lessons"
        aria-describedby="reorder-hint"
        className="lesson-list"
        items={lessons}
        dependencies={[lessons]}
        dragAndDropHooks={dragAndDropHooks}
        onAction={(key) => {
          const lesson = lessons[indexById.get(String(key)) ?? -1];
          if (lesson) onOpen(lesson);
        }}
      >
        {(lesson) => {
          const index = indexById.get(lesson.id) ?? 0;
          return (
            <GridListItem id={lesson.id} textValue={lesson.title} className="lesson-row" data-lesson-id={lesson.id}>
              <AriaButton slot="drag" className="drag-handle" aria-label={`Drag to reorder ${lesson.title}`}>
                <GripVertical size={16} aria-hidden="true" />
              </AriaButton>
              <span className="lesson-number" aria-hidden="true">
                {index + 1}
              </span>
              <bdi className="lesson-title">{lesson.title}</bdi>
              <ChevronRight size={16} aria-hidden="true" className="lesson-open" />
              <ActionMenu
                label={`Actions for ${lesson.title}`}
                actions={actionsFor(index, lessons.length)}
                onAction={(id) => {
                  if (id === 'rename') onRename(lesson);
                  else if (id === 'up') move(lesson, index - 1);
                  else if (id === 'down') move(lesson, index + 1);
                  else if (id === 'trash') onTrash(lesson, index);
                }}
              />
            </GridListItem>
          );
        }}
      </GridList>
      <p id="reorder-hint" className="hint">
        Open a lesson to record or import its video. Drag a lesson, or press Alt+↑ / Alt+↓ on it, to change the order.
      </p>
    </div>
  );
}
