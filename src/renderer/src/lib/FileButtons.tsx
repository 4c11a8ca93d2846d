import { Download, FolderOpen } from 'lucide-react';
import type { LibraryFile } from '@shared/contract/files';
import { Button } from '../ui/Button';
import { useToast } from '../ui/Toast';
import { saveFileAs, showInFolder } from './fileActions';

interface FileButtonsProps {
  file: LibraryFile;
  /** What the teacher calls the file, so each row's buttons have a name of their own. */
  name: string;
  /** From `useCanShowInFolder`, asked once by the list rather than by every row. */
  canShowInFolder: boolean;
  className?: string;
}

/** Save as… and, in the desktop app, Show in folder: the one way a row takes its file out of the library. */
export function FileButtons({ file, name, canShowInFolder, className }: FileButtonsProps) {
  const toast = useToast();
  return (
    <div className={className}>
      <Button size="sm" aria-label={`Save as… (${name})`} onPress={() => void saveFileAs(file, toast)}>
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
    </div>
  );
}
