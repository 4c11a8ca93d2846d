import { RotateCcw } from 'lucide-react';
import type { Project } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { ProjectRowText, projectRowClass } from './ProjectRow';
import styles from './TrashList.module.css';

interface TrashListProps {
  /** The rows loaded so far; "Show more" asks for the next page. */
  projects: Project[];
  total: number;
  onShowMore: () => void;
  onRestore: (project: Project) => void;
}

export function TrashList({ projects, total, onShowMore, onRestore }: TrashListProps) {
  return (
    <>
      <ul className={styles.list} aria-label="Projects in the trash">
        {projects.map((project) => (
          <li key={project.id} className={projectRowClass} data-project-id={project.id}>
            <ProjectRowText
              project={project}
              noLessons="No lessons"
              when={<RelativeTime prefix="moved to trash" timestamp={project.trashedAt ?? project.updatedAt} />}
            />
            <Button onPress={() => onRestore(project)} aria-label={`Restore ${project.title}`}>
              <RotateCcw size={16} aria-hidden="true" />
              Restore
            </Button>
          </li>
        ))}
      </ul>
      {projects.length < total && (
        <div className={styles.more}>
          <Button variant="ghost" onPress={onShowMore}>
            Show more ({(total - projects.length).toLocaleString()} not shown)
          </Button>
        </div>
      )}
    </>
  );
}
