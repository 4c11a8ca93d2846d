import {
  Collection,
  GridList,
  GridListItem,
  GridListLoadMoreItem,
  ListLayout,
  Virtualizer,
} from 'react-aria-components';
import { Copy, FolderOpen, Pencil, Trash2 } from 'lucide-react';
import type { Project } from '@shared/library/schemas';
import { ActionMenu, type MenuAction } from '../../ui/Menu';
import { RelativeTime } from '../../ui/RelativeTime';
import { ProjectRowText, projectRowClass } from './ProjectRow';
import styles from './ProjectList.module.css';

/** Every row is this tall (a title, one line of description, the facts), so the list never has to measure one. */
const ROW_SIZE = 96;
const LAYOUT = { rowSize: ROW_SIZE, loaderSize: 48 };

interface ProjectListProps {
  /** The rows loaded so far; more arrive through onLoadMore as the teacher scrolls near the end. */
  projects: Project[];
  total: number;
  isLoadingMore: boolean;
  onLoadMore: () => void;
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

/**
 * The projects as a virtualized grid list: only the rows in view are in the page, so ten thousand projects cost
 * what a screenful does, and the keyboard (arrows, Page Up/Down, Home/End, Enter) works as in any list.
 */
export function ProjectList({ projects, total, isLoadingMore, onLoadMore, onOpen, ...actions }: ProjectListProps) {
  const byId = new Map(projects.map((project) => [project.id, project]));
  const handlers: Record<string, (project: Project) => void> = {
    open: onOpen,
    rename: actions.onRename,
    duplicate: actions.onDuplicate,
    trash: actions.onTrash,
  };
  const hasMore = projects.length < total;

  return (
    <Virtualizer layout={ListLayout} layoutOptions={LAYOUT}>
      <GridList
        aria-label="Projects"
        className={styles.list}
        onAction={(key) => {
          const project = byId.get(String(key));
          if (project) onOpen(project);
        }}
      >
        <Collection items={projects}>
          {(project) => (
            <GridListItem
              id={project.id}
              textValue={project.title}
              className={projectRowClass}
              data-project-id={project.id}
            >
              <ProjectRowText
                project={project}
                noLessons="No lessons yet"
                when={<RelativeTime prefix="edited" timestamp={project.updatedAt} />}
              />
              <ActionMenu
                label={`Actions for ${project.title}`}
                actions={ACTIONS}
                onAction={(id) => handlers[id]?.(project)}
              />
            </GridListItem>
          )}
        </Collection>
        {hasMore && (
          <GridListLoadMoreItem className={styles.loading} onLoadMore={onLoadMore} isLoading={isLoadingMore}>
            Loading more projects…
          </GridListLoadMoreItem>
        )}
      </GridList>
    </Virtualizer>
  );
}
