import { useEffect, useMemo, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Video } from 'lucide-react';
import type { Callout, LessonDocument, Marker } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import { placeAnchors, placeCallouts } from '@shared/timeline';
import type { Editor } from '../useEditor';
import { ONLY, type EditorActions } from '../useEditorActions';
import { selectedRange } from '../selection';
import { QuestionList } from '../../checkpoints/QuestionList';
import { NotesPanel } from '../../notes/NotesPanel';
import { CaptionsPanel } from '../../captions/CaptionsPanel';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { BubbleControls } from './BubbleControls';
import { CalloutDialog } from './CalloutDialog';
import { CalloutList } from './CalloutList';
import { MarkerDialog } from './MarkerDialog';
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
}

/**
 * Key moments, questions and callouts with jump-to, edit and delete, the lesson's notes and captions, and the camera
 * bubble's layout. Notes and captions are read and typed at length, so the panel widens while one is open.
 */
export function SidePanel({ lessonId, doc, player, editor, actions, hasCamera, onEditQuestion }: SidePanelProps) {
  const markers = useMemo(() => placeAnchors(doc.editList, doc.markers), [doc.editList, doc.markers]);
  const callouts = useMemo(() => placeCallouts(doc.editList, doc.callouts), [doc.editList, doc.callouts]);
  const questions = useMemo(() => placeAnchors(doc.editList, doc.checkpoints), [doc.editList, doc.checkpoints]);
  const [editingMarker, setEditingMarker] = useState<Marker | null>(null);
  const [editingCallout, setEditingCallout] = useState<Callout | null>(null);
  const { selection } = actions;
  const [tab, setTab] = useState<Key>('moments');
  useEffect(() => {
    if (selection.calloutId) setTab('callouts');
  }, [selection.calloutId]);
  useEffect(() => {
    if (selection.markerId) setTab('moments');
  }, [selection.markerId]);
  useEffect(() => {
    if (selection.checkpointId) setTab('questions');
  }, [selection.checkpointId]);

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
            // An icon, so four tabs fit the panel's width on one line.
            <Tab id="camera" className={styles.tab} aria-label="Camera">
              <span className={styles.icon} title="Camera bubble">
                <Video size={16} aria-hidden="true" />
              </span>
            </Tab>
          )}
        </TabList>
        <TabPanel id="moments" className={styles.tabPanel}>
          <MomentList
            markers={markers}
            selectedId={selection.markerId}
            onJump={(marker) => {
              actions.select(ONLY.marker(marker.id));
              actions.jumpTo(marker.lessonMs);
            }}
            onEdit={setEditingMarker}
            onDelete={(marker) => editor.run(commands.removeMarker, { id: marker.id })}
          />
        </TabPanel>
        <TabPanel id="questions" className={styles.tabPanel}>
          <QuestionList
            questions={questions}
            selectedId={selection.checkpointId}
            onJump={(question) => {
              actions.select(ONLY.checkpoint(question.id));
              actions.jumpTo(question.lessonMs);
            }}
            onEdit={(question) => onEditQuestion(question.id)}
            onDelete={(question) => editor.run(commands.removeCheckpoint, { id: question.id })}
          />
        </TabPanel>
        <TabPanel id="callouts" className={styles.tabPanel}>
          <CalloutList
            callouts={callouts}
            selectedId={selection.calloutId}
            onJump={(callout) => {
              actions.select(ONLY.callout(callout.id));
              actions.jumpTo(callout.lessonStart);
            }}
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
      <MarkerDialog
        marker={editingMarker}
        onClose={() => setEditingMarker(null)}
        onSave={(title, note) =>
          editingMarker && editor.run(commands.editMarker, { id: editingMarker.id, title, note })
        }
      />
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
