import { useCallback, useEffect, useMemo, useState } from 'react';
import { Clapperboard } from 'lucide-react';
import { lessonDuration } from '@shared/timeline';
import { describeError } from '../../lib/errors';
import { LinkButton } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { useLessonInfo } from '../lesson/useLessonInfo';
import { CheckpointTools } from '../checkpoints/CheckpointTools';
import { QuestionDialog } from '../checkpoints/QuestionDialog';
import { useQuestionEditing } from '../checkpoints/useQuestionEditing';
import { EditorHeader } from './EditorHeader';
import { editorMediaOf } from './editorMedia';
import { useDerivedSource } from './media/useDerivedSource';
import { SidePanel } from './panel/SidePanel';
import { usePlayer } from './playback/usePlayer';
import { Preview } from './preview/Preview';
import { Timeline } from './timeline/Timeline';
import { TransportBar } from './TransportBar';
import { useEditor } from './useEditor';
import { useEditorActions } from './useEditorActions';
import { SELECT, selectedId } from './selection';
import { MarkerDialog } from './panel/MarkerDialog';
import * as commands from '@shared/editor/commands';
import { useEditorKeys } from './useEditorKeys';
import { useEditorTake } from './useEditorTake';
import { quoted } from '../../ui/Quoted';
import styles from './EditorScreen.module.css';

/** Performance marks the bench reads: from the screen's first render to a usable editor. */
export const EDITOR_OPEN_MARK = 'editor:open';
export const EDITOR_READY_MARK = 'editor:ready';

/** The lesson editor (`#/lesson/<id>/edit`): preview, timeline and side panel over one autosaved document. */
export function EditorScreen({ lessonId }: { lessonId: string }) {
  useState(() => performance.mark(EDITOR_OPEN_MARK));
  const editor = useEditor(lessonId);
  const { doc } = editor;
  const take = useEditorTake(lessonId, doc?.takeId);
  const info = useLessonInfo(lessonId);
  const player = usePlayer(doc?.editList ?? null);
  const questions = useQuestionEditing(editor, doc);
  const [naming, setNaming] = useState<{ id: string; isNew: boolean } | null>(null);
  const onAddedMarker = useCallback((id: string) => setNaming({ id, isNew: true }), []);
  const actions = useEditorActions(editor, doc, player, { onAddQuestion: questions.openNew, onAddedMarker });
  const namingMarker = (naming && doc?.markers.find((marker) => marker.id === naming.id)) ?? null;
  const media = useMemo(() => editorMediaOf(take ?? undefined), [take]);
  const derived = useDerivedSource(doc?.takeId ?? '', doc ? media.main : undefined);
  const ready = doc !== null && take !== undefined;
  const title = info.data?.lesson.title ?? 'Lesson';
  useEditorKeys(editor, actions, player, ready);

  useEffect(() => {
    if (ready) performance.mark(EDITOR_READY_MARK);
  }, [ready]);

  if (editor.status.kind === 'error') {
    return (
      <Page labelledBy="page-title">
        <EmptyState
          icon={<Clapperboard size={32} />}
          title="This lesson cannot be edited yet"
          action={<LinkButton href={`#/lesson/${encodeURIComponent(lessonId)}`}>Back to the lesson</LinkButton>}
        >
          <p id="page-title">{describeError(editor.status.error)}</p>
        </EmptyState>
      </Page>
    );
  }

  return (
    <main
      className={styles.editor}
      aria-labelledby="page-title"
      aria-busy={!ready}
      data-state={ready ? 'ready' : 'loading'}
    >
      <EditorHeader
        lessonId={lessonId}
        title={info.data ? quoted('Edit ', title, '') : 'Edit lesson'}
        editor={editor}
        tools={
          ready && (
            <CheckpointTools
              doc={doc}
              editor={editor}
              file={media.main}
              camera={media.camera}
              title={title}
              onPreview={player.pause}
            />
          )
        }
      />
      {ready && (
        <>
          <div className={styles.body}>
            <div className={styles.stage}>
              <Preview
                doc={doc}
                media={media}
                editor={editor}
                player={player}
                selectedCalloutId={selectedId(actions.selection, 'callout')}
                onSelectCallout={(id) => actions.select(SELECT.callout(id))}
              />
              <TransportBar player={player} actions={actions} durationMs={lessonDuration(doc.editList)} />
            </div>
            <SidePanel
              lessonId={lessonId}
              doc={doc}
              player={player}
              editor={editor}
              actions={actions}
              hasCamera={media.camera !== undefined}
              onEditQuestion={questions.openEdit}
              onEditMarker={(marker) => setNaming({ id: marker.id, isNew: false })}
            />
          </div>
          <Timeline
            doc={doc}
            editor={editor}
            player={player}
            actions={actions}
            derived={derived}
            onEditQuestion={questions.openEdit}
            hasCamera={media.camera !== undefined}
          />
          <MarkerDialog
            marker={namingMarker}
            isNew={naming?.isNew ?? false}
            onClose={() => setNaming(null)}
            onSave={(title, note) =>
              namingMarker && editor.run(commands.editMarker, { id: namingMarker.id, title, note })
            }
          />
          {questions.map && (
            <QuestionDialog
              draft={questions.open}
              map={questions.map}
              hasMomentBefore={(sourceMs) => doc.markers.some((marker) => marker.sourceMs < sourceMs)}
              onClose={questions.close}
              onSave={(input, isNew) => {
                const saved = questions.save(input, isNew);
                if (saved) actions.select(SELECT.checkpoint(input.id));
                return saved;
              }}
            />
          )}
        </>
      )}
    </main>
  );
}
