import type { LessonPackage } from '@shared/player';
import { createNotesPanel, PACKAGE_NOTES_FOLDER } from './notesPanel';
import { createPanelTabs, type PanelTab } from './panelTabs';
import type { SidePanel } from './sidePanel';
import { createTranscriptPanel, type TranscriptPanel } from './transcriptPanel';

export interface LessonPanels {
  /** Null when the lesson has nothing to show beside the video. */
  readonly element: HTMLElement | null;
  readonly transcript: TranscriptPanel | null;
  destroy(): void;
}

/**
 * What sits beside the video (below it on a narrow screen): the notes first when there are some (the reading the
 * teacher wrote), the chapters and questions, and the transcript when the lesson has captions.
 */
export function createLessonPanels(
  lesson: LessonPackage,
  contents: SidePanel,
  options: {
    baseUrl: string;
    notesFolder: string | undefined;
    onSeek: (lessonMs: number) => void;
    notice: (message: string) => void;
  },
): LessonPanels {
  const tabs: PanelTab[] = [];
  const notes =
    lesson.notes && lesson.notes.html.trim() !== ''
      ? createNotesPanel(lesson.notes, {
          baseUrl: options.baseUrl,
          folder: options.notesFolder ?? PACKAGE_NOTES_FOLDER,
          onSeek: options.onSeek,
          onSeekNotice: options.notice,
        })
      : null;
  if (notes) tabs.push({ id: 'notes', label: 'Notes', content: notes.element });
  if (lesson.chapters.length > 0 || lesson.checkpoints.length > 0)
    tabs.push({ id: 'contents', label: 'Contents', content: contents.element });
  const transcript = lesson.media.captions.length > 0 ? createTranscriptPanel(options.onSeek) : null;
  if (transcript) tabs.push({ id: 'transcript', label: 'Transcript', content: transcript.element });
  const panelTabs = tabs.length > 0 ? createPanelTabs(tabs) : null;
  if (panelTabs && notes) panelTabs.element.classList.add('fs-side-wide');
  return {
    element: panelTabs?.element ?? null,
    transcript,
    destroy() {
      notes?.destroy();
      transcript?.destroy();
      panelTabs?.destroy();
    },
  };
}
