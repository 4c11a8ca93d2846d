import { useEffect, useMemo, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { Callout, LessonDocument, Marker } from '../../../../../shared/editor/document';
import * as commands from '../../../../../shared/editor/commands';
import { placeAnchors, placeCallouts } from '../../../../../shared/timeline';
import type { Editor } from '../useEditor';
import type { EditorActions } from '../useEditorActions';
import { BubbleControls } from './BubbleControls';
import { CalloutDialog } from './CalloutDialog';
import { CalloutList } from './CalloutList';
import { MarkerDialog } from './MarkerDialog';
import { MomentList } from './MomentList';

interface SidePanelProps {
  doc: LessonDocument;
  editor: Editor;
  actions: EditorActions;
  hasCamera: boolean;
}

/** Key moments and callouts with jump-to, edit and delete, and the camera bubble's layout. */
export function SidePanel({ doc, editor, actions, hasCamera }: SidePanelProps) {
  const markers = useMemo(() => placeAnchors(doc.editList, doc.markers), [doc.editList, doc.markers]);
  const callouts = useMemo(() => placeCallouts(doc.editList, doc.callouts), [doc.editList, doc.callouts]);
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

  return (
    <aside className="side-panel" aria-label="Key moments and callouts">
      <Tabs className="tabs" selectedKey={tab} onSelectionChange={setTab}>
        <TabList className="tab-list" aria-label="Panels">
          <Tab id="moments" className="tab">
            Key moments <span className="tab-count">{doc.markers.length}</span>
          </Tab>
          <Tab id="callouts" className="tab">
            Callouts <span className="tab-count">{doc.callouts.length}</span>
          </Tab>
          {hasCamera && (
            <Tab id="camera" className="tab">
              Camera
            </Tab>
          )}
        </TabList>
        <TabPanel id="moments" className="tab-panel">
          <MomentList
            markers={markers}
            selectedId={selection.markerId}
            onJump={(marker) => {
              actions.select({ markerId: marker.id, calloutId: null });
              actions.jumpTo(marker.lessonMs);
            }}
            onEdit={setEditingMarker}
            onDelete={(marker) => editor.run(commands.removeMarker, { id: marker.id })}
          />
        </TabPanel>
        <TabPanel id="callouts" className="tab-panel">
          <CalloutList
            callouts={callouts}
            selectedId={selection.calloutId}
            onJump={(callout) => {
              actions.select({ calloutId: callout.id, markerId: null });
              actions.jumpTo(callout.lessonStart);
            }}
            onEdit={setEditingCallout}
            onDelete={(callout) => editor.run(commands.removeCallout, { id: callout.id })}
          />
        </TabPanel>
        {hasCamera && (
          <TabPanel id="camera" className="tab-panel tab-panel-padded">
            <BubbleControls layout={doc.layout} editor={editor} />
          </TabPanel>
        )}
      </Tabs>
      <MarkerDialog
        marker={editingMarker}
        onClose={() => setEditingMarker(null)}
        onSave={(title, note) => editingMarker && editor.run(commands.editMarker, { id: editingMarker.id, title, note })}
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
