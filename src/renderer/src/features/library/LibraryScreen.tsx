import { useState } from 'react';
import { FolderPlus, Inbox, Plus, SearchX, Trash2 } from 'lucide-react';
import type { LibraryView, Project } from '@shared/library/schemas';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page, PageHeader } from '../../ui/Page';
import { quoted } from '../../ui/Quoted';
import { describeError } from '../../lib/errors';
import type { Route } from '../../lib/useHashRoute';
import { LibraryToolbarRow } from './LibraryToolbarRow';
import { ProjectFormDialog } from './ProjectFormDialog';
import { ProjectList } from './ProjectList';
import { TrashList } from './TrashList';
import { EmptyTrashDialog } from './EmptyTrashDialog';
import { useEmptyTrash } from './useEmptyTrash';
import { useLibrary } from './useLibrary';
import styles from './LibraryScreen.module.css';

/** "1 project", "10,000 projects". */
const countOf = (total: number) => `${total.toLocaleString()} ${total === 1 ? 'project' : 'projects'}`;

interface LibraryScreenProps {
  view: LibraryView;
  navigate: (route: Route) => void;
  onNewProject: () => void;
}

export function LibraryScreen({ view, navigate, onNewProject }: LibraryScreenProps) {
  const library = useLibrary(view);
  const emptyTrash = useEmptyTrash();
  const [renaming, setRenaming] = useState<Project | null>(null);
  const { items: projects, total, error } = library.projects;
  const open = (project: Project) => navigate({ screen: 'project', projectId: project.id });
  // Nothing matches an empty search: the library itself is empty (no second call needed to know).
  const isNewLibrary = view === 'active' && library.query === '' && library.projects.query === '' && total === 0;
  const showsList = view === 'active' && projects !== undefined && projects.length > 0;

  return (
    <Page labelledBy="page-title" className={showsList ? styles.fill : undefined}>
      <PageHeader
        actions={
          <Button variant="primary" onPress={onNewProject}>
            <Plus size={16} aria-hidden="true" />
            New project
          </Button>
        }
      >
        <h1 id="page-title">Library</h1>
      </PageHeader>

      <LibraryToolbarRow
        view={view}
        library={library}
        showSearch={!isNewLibrary}
        onViewChange={(next) => navigate({ screen: 'library', view: next })}
        onEmptyTrash={() => void emptyTrash.ask()}
      />

      {error !== null && projects === undefined ? (
        <Banner tone="error" role="alert">
          <p>{describeError(error)}</p>
          <Button onPress={library.projects.reload}>Try again</Button>
        </Banner>
      ) : projects === undefined ? null : isNewLibrary ? (
        <EmptyState
          icon={<FolderPlus size={32} />}
          title="Start your first project"
          action={
            <Button variant="primary" size="lg" onPress={onNewProject}>
              <Plus size={18} aria-hidden="true" />
              New project
            </Button>
          }
        >
          <p>A project holds the lessons of one unit or course, such as “Algebra I” or “Cell biology”.</p>
          <p>Each lesson becomes one short video your learners watch before class, with questions along the way.</p>
        </EmptyState>
      ) : projects.length === 0 && view === 'active' ? (
        <EmptyState
          icon={<SearchX size={32} />}
          title={quoted('No projects match ', library.projects.query, '')}
          action={<Button onPress={() => library.setQuery('')}>Clear search</Button>}
        >
          <p>Search looks in project titles, descriptions and lesson titles.</p>
        </EmptyState>
      ) : projects.length === 0 ? (
        <EmptyState icon={<Inbox size={32} />} title="The trash is empty">
          <p>
            Projects you move to the trash wait here until you empty it, so you can restore them if you change your
            mind.
          </p>
        </EmptyState>
      ) : view === 'active' ? (
        <>
          <p className={styles.count} role="status">
            {library.projects.query === ''
              ? countOf(total)
              : quoted(`${countOf(total)} ${total === 1 ? 'matches' : 'match'} `, library.projects.query, '')}
          </p>
          <ProjectList
            projects={projects}
            total={total}
            isLoadingMore={library.projects.isLoadingMore}
            onLoadMore={library.projects.loadMore}
            onOpen={open}
            onRename={setRenaming}
            onDuplicate={(project) => void library.actions.duplicate(project)}
            onTrash={(project) => void library.actions.moveToTrash(project)}
          />
        </>
      ) : (
        <>
          <p className={styles.trashNote}>
            <Trash2 size={14} aria-hidden="true" /> Projects here are kept until you empty the trash.
          </p>
          <TrashList
            projects={projects}
            total={total}
            onShowMore={library.projects.loadMore}
            onRestore={(project) => void library.actions.restore(project)}
          />
        </>
      )}

      <ProjectFormDialog
        isOpen={renaming !== null}
        onOpenChange={(isOpen) => !isOpen && setRenaming(null)}
        project={renaming}
        onSubmit={(values) => (renaming ? library.actions.rename(renaming, values) : Promise.resolve())}
      />
      <EmptyTrashDialog summary={emptyTrash.summary} onConfirm={emptyTrash.confirm} onCancel={emptyTrash.cancel} />
    </Page>
  );
}
