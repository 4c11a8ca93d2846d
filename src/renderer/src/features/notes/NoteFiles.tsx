import { FileTrigger } from 'react-aria-components';
import { FileImage, FileText, Paperclip, Trash2 } from 'lucide-react';
import { formatBytes } from '@shared/format/bytes';
import { IMAGE_TYPES, DOWNLOAD_TYPES, type NoteFile } from '@shared/notes/files';
import { studio } from '../../studio';
import { Button, IconButton } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import styles from './NotesPanel.module.css';

const ACCEPT = [...Object.keys(IMAGE_TYPES), ...Object.keys(DOWNLOAD_TYPES)].map((extension) => `.${extension}`);

interface NoteFilesProps {
  lessonId: string;
  files: readonly NoteFile[];
  onInsert: (file: NoteFile) => void;
}

/** The images and documents the notes can show or offer: added once, used by name in <Figure> and <Download>. */
export function NoteFiles({ lessonId, files, onInsert }: NoteFilesProps) {
  const toast = useToast();

  async function add(list: FileList | null) {
    for (const file of Array.from(list ?? [])) {
      try {
        const added = await studio.notes.addFile({
          lessonId,
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        });
        onInsert(added);
      } catch (error) {
        toast.error(error);
      }
    }
  }

  return (
    <section className={styles.files} aria-labelledby="note-files-heading">
      <div className={styles.filesHead}>
        <h3 id="note-files-heading" className={styles.paneTitle}>
          Files
        </h3>
        <FileTrigger acceptedFileTypes={ACCEPT} allowsMultiple onSelect={(list) => void add(list)}>
          <Button size="sm">
            <Paperclip size={14} aria-hidden="true" />
            Add file…
          </Button>
        </FileTrigger>
      </div>
      {files.length === 0 ? (
        <p className="hint">
          Add an image to show it with &lt;Figure&gt;, or a worksheet to offer it with &lt;Download&gt;.
        </p>
      ) : (
        <ul className={styles.fileList} aria-label="Files in the notes">
          {files.map((file) => (
            <li key={file.id} className={styles.fileRow}>
              {file.kind === 'image' ? (
                <FileImage size={16} aria-hidden="true" />
              ) : (
                <FileText size={16} aria-hidden="true" />
              )}
              <bdi className={styles.fileName}>{file.name}</bdi>
              <span className="muted">{formatBytes(file.sizeBytes)}</span>
              <Button
                size="sm"
                variant="ghost"
                onPress={() => onInsert(file)}
                aria-label={`Insert ${file.name} into the notes`}
              >
                Insert
              </Button>
              <IconButton
                aria-label={`Remove ${file.name}`}
                onPress={() =>
                  void studio.notes.removeFile({ id: file.id }).catch((error: unknown) => toast.error(error))
                }
              >
                <Trash2 size={16} aria-hidden="true" />
              </IconButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
