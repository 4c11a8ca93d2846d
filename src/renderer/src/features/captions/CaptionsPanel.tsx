import { useMemo, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { Captions, Plus } from 'lucide-react';
import { placeCues } from '@shared/captions/placement';
import * as commands from '@shared/editor/commands';
import type { LessonDocument } from '@shared/editor/document';
import type { Editor } from '../../lib/lessonEditing';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ActionMenu } from '../../ui/Menu';
import { SegmentedControl, SegmentedItem } from '../../ui/SegmentedControl';
import type { CaptionsPlayer } from './captionsPlayer';
import { exportSubtitleFile, importSubtitleFile } from './captionFiles';
import { CueList } from './CueList';
import { TrackDialog, type TrackDraft } from './TrackDialog';
import { TypeAlong } from './TypeAlong';
import { SpeechDraft } from './SpeechDraft';
import { useSpeechDraft } from './useSpeechDraft';
import styles from './CaptionsPanel.module.css';

interface CaptionsPanelProps {
  lessonId: string;
  doc: LessonDocument;
  editor: Editor;
  player: CaptionsPlayer;
}

/**
 * The lesson's captions, one track per language, edited on the take's clock: typed along while the lesson plays,
 * corrected cue by cue, imported from and exported to WebVTT or SRT. Cues inside a cut stay, flagged.
 */
export function CaptionsPanel({ lessonId, doc, editor, player }: CaptionsPanelProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<TrackDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const track = doc.captionTracks.find((item) => item.id === chosen) ?? doc.captionTracks[0];
  const cues = useMemo(
    () =>
      track
        ? placeCues(
            doc.editList,
            doc.captionCues.filter((cue) => cue.trackId === track.id),
          )
        : [],
    [doc.editList, doc.captionCues, track],
  );

  function saveTrack(draft: TrackDraft): boolean {
    const ran = draft.isNew
      ? editor.run(commands.addCaptionTrack, draft)
      : editor.run(commands.editCaptionTrack, draft);
    if (ran && draft.isNew) setChosen(draft.id);
    return ran;
  }

  const draft = useSpeechDraft(editor, lessonId, track?.id ?? '', track?.srclang ?? 'en');
  const newTrack = () => setDialog({ id: crypto.randomUUID(), label: '', srclang: '', isNew: true });

  if (!track) {
    return (
      <div className={styles.panel}>
        <EmptyState compact icon={<Captions size={24} />} title="No captions yet">
          <p>Add a language, then type along as the lesson plays or import a WebVTT or SRT file.</p>
        </EmptyState>
        <Button variant="primary" onPress={newTrack}>
          <Plus size={16} aria-hidden="true" />
          Add captions
        </Button>
        <TrackDialog draft={dialog} onClose={() => setDialog(null)} onSave={saveTrack} />
      </div>
    );
  }

  async function importFile(files: FileList | null) {
    const file = files?.[0];
    if (!file || !track) return;
    setProblem(await importSubtitleFile(editor, doc, track.id, file));
  }

  return (
    <div className={styles.panel}>
      <div className={styles.trackBar}>
        <SegmentedControl
          aria-label="Captions language"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[track.id]}
          onSelectionChange={(keys) => {
            const [key] = [...keys];
            if (key !== undefined) setChosen(String(key));
          }}
        >
          {doc.captionTracks.map((item) => (
            <SegmentedItem key={item.id} id={item.id}>
              {item.label}
            </SegmentedItem>
          ))}
        </SegmentedControl>
        <span className={styles.grow} />
        <FileTrigger acceptedFileTypes={['.vtt', '.srt']} onSelect={(files) => void importFile(files)}>
          <Button size="sm">Import…</Button>
        </FileTrigger>
        <ActionMenu
          label={`More for ${track.label} captions`}
          actions={[
            { id: 'draft', label: 'Draft from the lesson’s speech', isDisabled: draft.state.kind === 'running' },
            { id: 'add', label: 'Add another language…', separatorBefore: true },
            { id: 'rename', label: 'Rename or change language…' },
            { id: 'vtt', label: 'Export WebVTT', isDisabled: cues.length === 0 },
            { id: 'srt', label: 'Export SRT', isDisabled: cues.length === 0 },
            { id: 'remove', label: `Remove ${track.label} captions`, isDanger: true, separatorBefore: true },
          ]}
          onAction={(id) => {
            if (id === 'draft') void draft.start();
            if (id === 'add') newTrack();
            if (id === 'rename') setDialog({ ...track, isNew: false });
            if (id === 'vtt' || id === 'srt') exportSubtitleFile(doc, track.id, id, `captions.${track.srclang}`);
            if (id === 'remove') editor.run(commands.removeCaptionTrack, { id: track.id });
          }}
        />
      </div>
      {problem !== null && (
        <Banner tone="error" role="alert" as="p">
          {problem}
        </Banner>
      )}
      <SpeechDraft state={draft.state} onCancel={draft.cancel} onDismiss={draft.dismiss} />
      <TypeAlong doc={doc} editor={editor} player={player} trackId={track.id} cues={cues} />
      <CueList cues={cues} editor={editor} player={player} label={`${track.label} captions`} />
      <TrackDialog draft={dialog} onClose={() => setDialog(null)} onSave={saveTrack} />
    </div>
  );
}
