import { GridList, GridListItem } from 'react-aria-components';
import { Copy, FolderOpen, Pencil, Trash2 } from 'lucide-react';
import type { Project } from '@shared/library/schemas';
import { ActionMenu, type MenuAction } from '../../ui/Menu';
import { RelativeTime } from '../../ui/RelativeTime';
import { pluralize } from '../../lib/time';

interface ProjectListProps {
  projects: Project[];
  onOpen: (project: Project) => void;
  onRename: (project: Project) => void;
  onDuplicate: (project: Project) => void;
  onTrash: (project: Project) => void;
}

const ACTIONS: MenuAction[] = [
  { id: 'open', label: 'Open', icon: <FolderOpen size={16} /> },
  { id: 'rename', label: 'Rename…', icon: <Pencil size={16} /> },
  { id: 'duplicate', label: 'Duplicate', icon: <Copy size={16} /> },
  { id: 'trash', label: 'Move to trash', icon: <Trash2 size={16} />, isDanger: true, separatorBefore: true },
];

export function ProjectList({ projects, onOpen, onRename, onDuplicate, onTrash }: ProjectListProps) {
  const byId = new Map(projects.map((project) => [project.id, project]));
  const handlers: Record<string, (project: Project) => void> = {
    open: onOpen,
    rename: onRename,
    duplicate: onDuplicate,
    trash: onTrash,
  };

  return (
    <GridList
      aria-label="Projects"
      className="project-list"
      items={projects}
      onAction={(key) => {
        const project = byId.get(String(key));
        if (project) onOpen(project);
      }}
    >
      {(project) => (
        <GridListItem id={project.id} textValue={project.title} className="project-row" data-project-id={project.id}>
          <div className="project-row-main">
            <bdi className="project-title">{project.title}</bdi>
            {project.description && <bdi className="project-description">{project.description}</bdi>}
            <span className="project-meta">
              <span>{project.lessonCount === 0 ? 'No lessons yet' : pluralize(project.lessonCount, 'lesson')}</span>
              <span aria-hidden="true">·</span>
              <RelativeTime prefix="edited" timestamp={project.updatedAt} />
            </span>
          </div>
          <ActionMenu
            label={`Actions for ${project.title}`}
            actions={ACTIONS}
            onAction={(id) => handlers[id]?.(project)}
          />
        </GridListItem>
      )}
    </GridList>
  );
}
