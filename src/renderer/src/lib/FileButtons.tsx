import { useState } from 'react';
import { Download, FolderOpen } from 'lucide-react';
import type { LibraryFile, RenderCaptionsInfo } from '@shared/contract/files';
import { studio } from '../studio';
import { Button } from '../ui/Button';
import { useToast, type Toaster } from '../ui/Toast';
import { saveFileAs, showInFolder } from './fileActions';
import { SaveRenderDialog } from './SaveRenderDialog';

interface FileButtonsProps {
  file: LibraryFile;
  /** What the teacher calls the file, so each row's buttons have a name of their own. */
  name: string;
  /** From `useCanShowInFolder`, asked once by the list rather than by every row. */
  canShowInFolder: boolean;
  className?: string;
}

/**
 * Save as… and, in the desktop app, Show in folder: the one way a row takes its file out of the library. A render of
 * a lesson with captions asks first whether its copy should carry them.
 */
export function FileButtons({ file, name, canShowInFolder, className }: FileButtonsProps) {
  const toast = useToast();
  const [captions, setCaptions] = useState<RenderCaptionsInfo | null>(null);
  return (
    <div className={className}>
      <Button size="sm" aria-label={`Save as… (${name})`} onPress={() => void startSave(file, toast, setCaptions)}>
        <Download size={14} aria-hidden="true" />
        Save as…
      </Button>
      {canShowInFolder && (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Show in folder (${name})`}
          onPress={() => void showInFolder(file, toast)}
        >
          <FolderOpen size={14} aria-hidden="true" />
          Show in folder
        </Button>
      )}
      {file.kind === 'render' && captions && (
        <SaveRenderDialog renderId={file.renderId} name={name} captions={captions} onClose={() => setCaptions(null)} />
      )}
    </div>
  );
}

async function startSave(
  file: LibraryFile,
  toast: Toaster,
  askAboutCaptions: (captions: RenderCaptionsInfo) => void,
): Promise<void> {
  if (file.kind === 'render') {
    try {
      const captions = await studio.files.renderCaptions({ renderId: file.renderId });
      if (captions.tracks.length > 0 || captions.unavailable !== null) {
        askAboutCaptions(captions);
        return;
      }
    } catch (error) {
      toast.error(error);
      return;
    }
  }
  await saveFileAs(file, toast);
}
