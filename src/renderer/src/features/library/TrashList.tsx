import { RotateCcw } from 'lucide-react';
import type { Project } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { pluralize } from '@shared/format/text';
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
      <ul className="trash-list" aria-label="Projects in the trash">
        {projects.map((project) => (
          <li key={project.id} className="project-row trash-row" data-project-id={project.id}>
            <div className="project-row-main">
              <bdi className="project-title">{project.title}</bdi>
              {project.description && <bdi className="project-description">{project.description}</bdi>}
              <span className="project-meta">
                <span>{project.lessonCount === 0 ? 'No lessons' : pluralize(project.lessonCount, 'lesson')}</span>
                <span aria-hidden="true">·</span>
                <RelativeTime prefix="moved to trash" timestamp={project.trashedAt ?? project.updatedAt} />
              </span>
            </div>
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
