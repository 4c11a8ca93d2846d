import { useMemo, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Video } from 'lucide-react';
import type { Callout, LessonDocument, Marker } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import { placeAnchors, placeCallouts } from '@shared/timeline';
import type { Editor } from '../useEditor';
import type { EditorActions } from '../useEditorActions';
import { SELECT, selectedId, selectedRange } from '../selection';
import { QuestionList } from '../../checkpoints/QuestionList';
import { NotesPanel } from '../../notes/NotesPanel';
import { CaptionsPanel } from '../../captions/CaptionsPanel';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { BubbleControls } from './BubbleControls';
import { CalloutDialog } from './CalloutDialog';
import { CalloutList } from './CalloutList';
import { MomentList } from './MomentList';
import { cx } from '../../../lib/classNames';
import styles from './SidePanel.module.css';

interface SidePanelProps {
  lessonId: string;
  doc: LessonDocument;
  player: LessonPlayer;
  editor: Editor;
  actions: EditorActions;
  hasCamera: boolean;
  onEditQuestion: (id: string) => void;
  onEditMarker: (marker: Marker) => void;
}

/** The tab that lists each kind of selection, so what is selected is in view. */
const TAB_OF = { marker: 'moments', checkpoint: 'questions', callout: 'callouts' } as const;

/**
 * Key moments, questions and callouts with jump-to, edit and delete, the lesson's notes and captions, and the camera
 * bubble's layout. Notes and captions are read and typed at length, so the panel widens while one is open.
 */
export function SidePanel({
  lessonId,
  doc,
  player,
  editor,
  actions,
  hasCamera,
  onEditQuestion,
  onEditMarker,
}: SidePanelProps) {
  const markers = useMemo(() => placeAnchors(doc.editList, doc.markers), [doc.editList, doc.markers]);
  const callouts = useMemo(() => placeCallouts(doc.editList, doc.callouts), [doc.editList, doc.callouts]);
  const questions = useMemo(() => placeAnchors(doc.editList, doc.checkpoints), [doc.editList, doc.checkpoints]);
  const [editingCallout, setEditingCallout] = useState<Callout | null>(null);
  const { selection } = actions;
  const [tab, setTab] = useState<Key>('moments');
  // A newly selected key moment, question or callout brings its tab forward (set while rendering, as React advises
  // for state that follows a prop, so the panel never shows the wrong tab for a frame).
  const listed = selection.kind === 'marker' || selection.kind === 'checkpoint' || selection.kind === 'callout';
  const listedKey = listed ? `${selection.kind}:${selection.id}` : null;
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (listedKey !== shownFor) {
    setShownFor(listedKey);
    if (listed) setTab(TAB_OF[selection.kind]);
  }

  return (
    <aside
      className={cx(styles.panel, (tab === 'notes' || tab === 'captions') && styles.wide)}
      aria-label="Key moments, questions, callouts, notes and captions"
    >
      <Tabs className={styles.tabs} selectedKey={tab} onSelectionChange={setTab}>
        <TabList className={styles.tabList} aria-label="Panels">
          <Tab id="moments" className={styles.tab}>
            Key moments <span className={styles.count}>{doc.markers.length}</span>
          </Tab>
          <Tab id="questions" className={styles.tab}>
            Questions <span className={styles.count}>{doc.checkpoints.length}</span>
          </Tab>
          <Tab id="callouts" className={styles.tab}>
            Callouts <span className={styles.count}>{doc.callouts.length}</span>
          </Tab>
          <Tab id="notes" className={styles.tab}>
            Notes
          </Tab>
          <Tab id="captions" className={styles.tab}>
            Captions <span className={styles.count}>{doc.captionCues.length}</span>
          </Tab>
          {hasCamera && (
            <Tab id="camera" className={styles.tab}>
              <Video size={16} aria-hidden="true" />
              Camera
            </Tab>
          )}
        </TabList>
        <TabPanel id="moments" className={styles.tabPanel}>
          <MomentList
            markers={markers}
            selectedId={selectedId(selection, 'marker')}
            onJump={(marker) => {
              actions.select(SELECT.marker(marker.id));
              actions.jumpTo(marker.lessonMs);
            }}
            onSelect={(marker) => actions.select(SELECT.marker(marker.id))}
            onEdit={onEditMarker}
            onDelete={(marker) => editor.run(commands.removeMarker, { id: marker.id })}
          />
        </TabPanel>
        <TabPanel id="questions" className={styles.tabPanel}>
          <QuestionList
            questions={questions}
            selectedId={selectedId(selection, 'checkpoint')}
            onJump={(question) => {
              actions.select(SELECT.checkpoint(question.id));
              actions.jumpTo(question.lessonMs);
            }}
            onSelect={(question) => actions.select(SELECT.checkpoint(question.id))}
            onEdit={(question) => onEditQuestion(question.id)}
            onDelete={(question) => editor.run(commands.removeCheckpoint, { id: question.id })}
          />
        </TabPanel>
        <TabPanel id="callouts" className={styles.tabPanel}>
          <CalloutList
            callouts={callouts}
            selectedId={selectedId(selection, 'callout')}
            onJump={(callout) => {
              actions.select(SELECT.callout(callout.id));
              actions.jumpTo(callout.lessonStart);
            }}
            onSelect={(callout) => actions.select(SELECT.callout(callout.id))}
            onEdit={setEditingCallout}
            onDelete={(callout) => editor.run(commands.removeCallout, { id: callout.id })}
          />
        </TabPanel>
        {/* Kept mounted while hidden: a draft from speech runs on, and typing not yet saved is not lost. */}
        <TabPanel id="notes" className={styles.tabPanel} shouldForceMount>
          <NotesPanel
            lessonId={lessonId}
            doc={doc}
            editor={editor}
            playheadMs={() => player.getState().lessonMs}
            onSeek={actions.jumpTo}
          />
        </TabPanel>
        <TabPanel id="captions" className={styles.tabPanel} shouldForceMount>
          <CaptionsPanel lessonId={lessonId} doc={doc} editor={editor} player={player} />
        </TabPanel>
        {hasCamera && (
          <TabPanel id="camera" className={cx(styles.tabPanel, styles.padded)}>
            <BubbleControls
              layout={doc.layout}
              editList={doc.editList}
              editor={editor}
              selected={selectedRange(selection)}
              onHide={actions.hideCameraInSelection}
            />
          </TabPanel>
        )}
      </Tabs>
      <CalloutDialog
        callout={editingCallout}
        onClose={() => setEditingCallout(null)}
        onSave={(edit) =>
          editingCallout &&
          editor.run(commands.editCallout, {
            id: editingCallout.id,
            kind: edit.kind,
            text: edit.text,
            burnIn: edit.burnIn,
            sourceEnd: editingCallout.sourceStart + Math.round(edit.seconds * 1000),
          })
        }
      />
    </aside>
  );
}
