import { useState } from 'react';
import { Eye, SlidersHorizontal } from 'lucide-react';
import * as commands from '@shared/editor/commands';
import type { LessonDocument } from '@shared/editor/document';
import type { TakeFile } from '@shared/media/takes';
import { mediaUrl, studio } from '../../studio';
import { Button } from '../../ui/Button';
import type { Editor } from '../../lib/lessonEditing';
import { LearnerPreview } from './LearnerPreview';
import { buildPreview, previewTracks, type PreviewBuild } from './previewPackage';
import { RulesDialog } from './RulesDialog';

interface CheckpointToolsProps {
  doc: LessonDocument;
  editor: Editor;
  /** The take's main file: what the preview plays. */
  file: TakeFile | undefined;
  /** The camera recorded apart, which the preview's player draws as the bubble. */
  camera: TakeFile | undefined;
  title: string;
  /** Called as the preview opens, so the editor's own playback stops. */
  onPreview: () => void;
}

/** The editor toolbar's lesson-wide tools: the learner rules, and the preview as a learner sees it. */
export function CheckpointTools({ doc, editor, file, camera, title, onPreview }: CheckpointToolsProps) {
  const [rulesOpen, setRulesOpen] = useState(false);
  const [preview, setPreview] = useState<PreviewBuild | null>(null);
  const openPreview = async () => {
    onPreview();
    const renders = await studio.renders.list({ lessonId: doc.lessonId }).catch(() => []);
    // Each track as a package would carry it, made now from the document's cues and handed to the page as a Blob.
    const captions = previewTracks(doc).map(({ label, srclang, text }) => ({
      label,
      srclang,
      src: URL.createObjectURL(new Blob([text], { type: 'text/vtt' })),
    }));
    setPreview(
      buildPreview({
        doc,
        revision: editor.savedRevision(),
        file,
        camera,
        captions,
        renders,
        title,
        mediaUrl,
        pageUrl: window.location.href,
      }),
    );
  };
  return (
    <>
      <Button variant="ghost" onPress={() => setRulesOpen(true)}>
        <SlidersHorizontal size={16} aria-hidden="true" />
        Learner rules
      </Button>
      <Button variant="secondary" onPress={() => void openPreview()}>
        <Eye size={16} aria-hidden="true" />
        Preview as learner
      </Button>
      <RulesDialog
        isOpen={rulesOpen}
        rules={doc.rules}
        onClose={() => setRulesOpen(false)}
        onSave={(rules) => editor.run(commands.setLessonRules, rules)}
      />
      <LearnerPreview build={preview} onClose={() => setPreview(null)} />
    </>
  );
}
