import { RotateCcw } from 'lucide-react';
import type { Lesson } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { TrashDisclosure, TrashedItem } from '../../ui/TrashDisclosure';

export function DeletedLessons({
  lessons,
  onRestore,
  canRestore,
}: {
  lessons: Lesson[];
  onRestore: (lesson: Lesson) => void;
  canRestore: boolean;
}) {
  if (lessons.length === 0) return null;
  return (
    <TrashDisclosure
      title={`Deleted lessons (${lessons.length})`}
      listLabel="Deleted lessons"
      note="Deleted lessons are removed for good when you empty the trash in the Library."
    >
      {lessons.map((lesson) => (
        <TrashedItem key={lesson.id} title={lesson.title}>
          <RelativeTime prefix="deleted" timestamp={lesson.trashedAt ?? lesson.updatedAt} />
          <Button onPress={() => onRestore(lesson)} isDisabled={!canRestore} aria-label={`Restore ${lesson.title}`}>
            <RotateCcw size={16} aria-hidden="true" />
            Restore
          </Button>
        </TrashedItem>
      ))}
    </TrashDisclosure>
  );
}
