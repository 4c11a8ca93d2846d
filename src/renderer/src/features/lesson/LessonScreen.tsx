import { useCallback, useState } from 'react';
import { Circle, Clapperboard, Scissors } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { StudioError } from '@shared/contract/result';
import { describeError } from '../../lib/errors';
import { formatClock } from '@shared/format/clock';
import { Banner } from '../../ui/Banner';
import { LinkButton } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page, PageActions, PageHeader, Section } from '../../ui/Page';
import { useToast } from '../../ui/Toast';
import { ImportButton, ImportDropZone, ImportStatus } from './ImportMedia';
import { RenameDialog } from '../../ui/RenameDialog';
import { TakeList } from './TakeList';
import { lessonSteps } from '@shared/lesson/steps';
import { LessonPlayer, LessonPlayerPlace } from './LessonPlayer';
import { LessonSteps } from './LessonSteps';
import { useEditedLesson, usePublishedHere } from './useEditedLesson';
import { TrashedTakes } from './TrashedTakes';
import { useImport } from './useImport';
import { useLessonInfo } from './useLessonInfo';
import { useTakes } from './useTakes';
import { RendersSection } from '../render/RendersSection';
import { PublishButton } from '../publish/PublishButton';
import { PublishHistorySection } from '../publish/PublishHistorySection';
import { ClassResultsLink } from '../classResults/ClassResultsLink';
import { quoted } from '../../ui/Quoted';
import { SwitchTakeDialog } from './SwitchTakeDialog';
import { SwitchedNotice, useSwitchTake } from './useSwitchTake';

/** One lesson: the recording it uses playing, every recording, and the ways to add one (record or import). */
export function LessonScreen({ lessonId, justRecorded = null }: { lessonId: string; justRecorded?: Take | null }) {
  const info = useLessonInfo(lessonId);
  const { takes, trashed, activeTake, actions } = useTakes(lessonId);
  const toast = useToast();
  const [renaming, setRenaming] = useState<Take | null>(null);
  const switching = useSwitchTake(activeTake, justRecorded);
  const onImported = useCallback(
    (take: Take) => toast.show({ message: quoted('', take.title, ` imported (${formatClock(take.durationMs)})`) }),
    [toast],
  );
  const importer = useImport(lessonId, onImported);
  const edited = useEditedLesson(lessonId, activeTake?.id ?? null);
  const published = usePublishedHere(lessonId);

  if (info.data === undefined) {
    const missing = info.error instanceof StudioError && info.error.code === 'not_found';
    return (
      <Page labelledBy="page-title">
        {info.error !== null && (
          <EmptyState
            icon={<Clapperboard size={32} />}
            title={missing ? 'This lesson no longer exists' : 'This lesson could not be opened'}
          >
            <p id="page-title">{describeError(info.error)}</p>
          </EmptyState>
        )}
      </Page>
    );
  }

  const { lesson, project } = info.data;
  const isTrashed = lesson.trashedAt !== null || project.trashedAt !== null;
  return (
    <Page
      wide
      back={{ href: `#/project/${encodeURIComponent(project.id)}`, label: <bdi>{project.title}</bdi> }}
      labelledBy="page-title"
    >
      <PageHeader
        actions={
          <PageActions>
            <ImportButton importer={importer} />
            {activeTake && (
              // Opening a lesson that has a recording, editing is next; without one, recording is (below).
              <LinkButton href={`#/lesson/${encodeURIComponent(lesson.id)}/edit`} autoFocus>
                <Scissors size={14} aria-hidden="true" />
                Edit
              </LinkButton>
            )}
            <ClassResultsLink lessonId={lesson.id} />
            {activeTake && <PublishButton lessonId={lesson.id} isDisabled={isTrashed} />}
            <LinkButton
              href={`#/lesson/${encodeURIComponent(lesson.id)}/record`}
              variant="danger"
              isDisabled={isTrashed}
              autoFocus={takes.length === 0}
            >
              <Circle size={14} fill="currentColor" aria-hidden="true" />
              Record
            </LinkButton>
          </PageActions>
        }
      >
        <h1 id="page-title">
          <bdi>{lesson.title}</bdi>
        </h1>
      </PageHeader>
      <LessonSteps steps={lessonSteps({ recording: activeTake, document: edited.doc, published })} />
      {isTrashed && (
        <Banner tone="info" role="status">
          This lesson is in the trash. Restore it from its project to record or import.
        </Banner>
      )}
      <ImportStatus importer={importer} />

      <SwitchedNotice switching={switching} />
      {activeTake ? (
        edited.doc?.takeId === activeTake.id ? (
          <LessonPlayer doc={edited.doc} take={activeTake} renders={edited.renders} title={lesson.title} />
        ) : (
          !edited.error && <LessonPlayerPlace />
        )
      ) : (
        takes.length === 0 && (
          <EmptyState icon={<Clapperboard size={32} />} title="No recordings yet">
            <p>
              Record your screen and camera, or import a video you already have. Every recording is kept; you choose the
              one learners see.
            </p>
          </EmptyState>
        )
      )}

      <Section headingId="takes-heading" title="Recordings">
        {takes.length > 0 && (
          <TakeList takes={takes} onSetActive={switching.ask} onRename={setRenaming} onTrash={actions.trash} />
        )}
        <ImportDropZone importer={importer} />
      </Section>

      {activeTake && <RendersSection lessonId={lesson.id} take={activeTake} />}
      <PublishHistorySection lessonId={lesson.id} />

      <TrashedTakes takes={trashed} onRestore={actions.restore} />
      <SwitchTakeDialog
        target={switching.target}
        current={activeTake}
        justRecorded={switching.target?.id === justRecorded?.id}
        onClose={switching.close}
        onSwitched={switching.done}
      />
      <RenameDialog
        heading="Rename recording"
        item={renaming}
        onClose={() => setRenaming(null)}
        onRename={actions.rename}
      />
    </Page>
  );
}
