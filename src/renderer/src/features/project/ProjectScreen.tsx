import { useState } from 'react';
import { ListVideo, Pencil, RotateCcw } from 'lucide-react';
import { StudioError } from '@shared/contract/result';
import type { Lesson } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { Banner } from '../../ui/Banner';
import { EmptyState } from '../../ui/EmptyState';
import { Page, PageHeader, Section } from '../../ui/Page';
import { RelativeTime } from '../../ui/RelativeTime';
import { describeError } from '../../lib/errors';
import { pluralize } from '@shared/format/text';
import { ProjectFormDialog } from '../library/ProjectFormDialog';
import { AddLessonForm } from './AddLessonForm';
import { DeletedLessons } from './DeletedLessons';
import { LessonList } from './LessonList';
import { RenameDialog } from '../../ui/RenameDialog';
import { useProject } from './useProject';
import { hrefOf } from '../../lib/useHashRoute';
import styles from './ProjectScreen.module.css';

const LIBRARY = { href: '#/', label: 'Library' };

export function ProjectScreen({ projectId }: { projectId: string }) {
  const { project, lessons, trashed, actions } = useProject(projectId);
  const [isEditing, setEditing] = useState(false);
  const [renaming, setRenaming] = useState<Lesson | null>(null);

  if (project.data === undefined) {
    const missing = project.error instanceof StudioError && project.error.code === 'not_found';
    return (
      <Page back={LIBRARY} labelledBy="page-title">
        {project.error !== null && (
          <EmptyState
            icon={<ListVideo size={32} />}
            title={missing ? 'This project no longer exists' : 'This project could not be opened'}
          >
            <p id="page-title">
              {missing ? 'It may have been deleted when the trash was emptied.' : describeError(project.error)}
            </p>
          </EmptyState>
        )}
      </Page>
    );
  }

  const current = project.data;
  const isTrashed = current.trashedAt !== null;
  const activeLessons = lessons.data ?? [];

  return (
    <Page back={LIBRARY} labelledBy="page-title">
      {isTrashed && (
        <Banner tone="info" role="status">
          <span>This project is in the trash. Restore it to change its lessons.</span>
          <Button onPress={() => void actions.restoreProject()}>
            <RotateCcw size={16} aria-hidden="true" />
            Restore project
          </Button>
        </Banner>
      )}
      <PageHeader
        alignStart
        actions={
          <Button onPress={() => setEditing(true)} isDisabled={isTrashed}>
            <Pencil size={16} aria-hidden="true" />
            Rename
          </Button>
        }
      >
        <div className={styles.heading}>
          <h1 id="page-title">
            <bdi>{current.title}</bdi>
          </h1>
          {current.description ? (
            <p className={styles.lead}>
              <bdi>{current.description}</bdi>
            </p>
          ) : (
            <p className={styles.lead}>No description</p>
          )}
          <p className={styles.meta}>
            <span>{activeLessons.length === 0 ? 'No lessons yet' : pluralize(activeLessons.length, 'lesson')}</span>
            <span aria-hidden="true">·</span>
            <RelativeTime prefix="edited" timestamp={current.updatedAt} />
          </p>
        </div>
      </PageHeader>

      <Section headingId="lessons-heading" title="Lessons">
        {!isTrashed && (
          <AddLessonForm
            onAdd={actions.addLesson}
            takeFocus={lessons.data !== undefined && activeLessons.length === 0}
          />
        )}
        {lessons.data === undefined ? null : activeLessons.length === 0 ? (
          <EmptyState icon={<ListVideo size={32} />} title="Add your first lesson">
            <p>
              Each lesson is one video your learners watch before class, with questions along the way to check they
              followed it.
            </p>
            <p>Type a title above and press Enter; keep typing to add the next one.</p>
          </EmptyState>
        ) : (
          <LessonList
            lessons={activeLessons}
            onMove={(lesson, toIndex) => void actions.moveLesson(lesson, toIndex)}
            onRename={setRenaming}
            onTrash={(lesson, index) => void actions.trashLesson(lesson, index)}
            onOpen={(lesson) => {
              window.location.hash = hrefOf({ screen: 'lesson', lessonId: lesson.id });
            }}
          />
        )}
      </Section>

      <DeletedLessons
        lessons={trashed.data ?? []}
        onRestore={(lesson) => void actions.restoreLesson(lesson)}
        canRestore={!isTrashed}
      />

      <ProjectFormDialog
        isOpen={isEditing}
        onOpenChange={setEditing}
        project={current}
        onSubmit={actions.updateProject}
      />
      <RenameDialog
        heading="Rename lesson"
        item={renaming}
        onClose={() => setRenaming(null)}
        onRename={actions.renameLesson}
      />
    </Page>
  );
}
