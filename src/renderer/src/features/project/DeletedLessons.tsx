import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { ChevronRight, RotateCcw } from 'lucide-react';
import type { Lesson } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';

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
    <Disclosure className="disclosure">
      <Heading level={2} className="disclosure-heading">
        <AriaButton slot="trigger" className="disclosure-trigger">
          <ChevronRight size={16} aria-hidden="true" className="disclosure-chevron" />
          Deleted lessons ({lessons.length})
        </AriaButton>
      </Heading>
      <DisclosurePanel className="disclosure-panel">
        <ul className="deleted-list" aria-label="Deleted lessons">
          {lessons.map((lesson) => (
            <li key={lesson.id} className="deleted-row">
              <bdi className="lesson-title">{lesson.title}</bdi>
              <RelativeTime prefix="deleted" timestamp={lesson.trashedAt ?? lesson.updatedAt} />
              <Button onPress={() => onRestore(lesson)} isDisabled={!canRestore} aria-label={`Restore ${lesson.title}`}>
                <RotateCcw size={16} aria-hidden="true" />
                Restore
              </Button>
            </li>
          ))}
        </ul>
        <p className="hint">Deleted lessons are removed for good when you empty the trash in the Library.</p>
      </DisclosurePanel>
    </Disclosure>
  );
}
