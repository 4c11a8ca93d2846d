import { DropZone, FileTrigger, Text, isFileDropItem, type DropItem } from 'react-aria-components';
import { FileUp, X } from 'lucide-react';
import { Banner } from '../../ui/Banner';
import { ProgressBar, ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';
import { Button, IconButton } from '../../ui/Button';
import { formatBytes } from '@shared/format/bytes';
import type { ImportProgress } from './importMedia';
import type { useImport } from './useImport';
import { quoted } from '../../ui/Quoted';
import styles from './ImportMedia.module.css';

type Importer = ReturnType<typeof useImport>;

const ACCEPTED = ['video/*', 'audio/*'];

async function filesOf(event: { items: DropItem[] }): Promise<File[]> {
  return Promise.all(event.items.filter(isFileDropItem).map((item) => item.getFile()));
}

/** "Import video or audio…" as a button and as a drop target, and the running import's progress. */
export function ImportButton({ importer }: { importer: Importer }) {
  return (
    <FileTrigger acceptedFileTypes={ACCEPTED} onSelect={(list) => list && void importer.importFiles([...list])}>
      <Button isDisabled={importer.current !== null}>
        <FileUp size={16} aria-hidden="true" />
        Import video or audio…
      </Button>
    </FileTrigger>
  );
}

export function ImportDropZone({ importer }: { importer: Importer }) {
  return (
    <DropZone
      className={styles.dropZone}
      aria-label="Drop a video or audio file to import it"
      isDisabled={importer.current !== null}
      getDropOperation={() => 'copy'}
      onDrop={(event) => void filesOf(event).then(importer.importFiles)}
    >
      <FileUp size={18} aria-hidden="true" />
      <Text slot="label">Drop a video or audio file here to add it as a recording</Text>
    </DropZone>
  );
}

/** What the bar shows: bytes sent, then an indeterminate check, then (for a file that needs it) conversion. */
function barOf(progress: ImportProgress, fileName: string) {
  const converting = progress.convertingPercent;
  if (converting !== undefined)
    return {
      value: converting,
      indeterminate: false,
      label: quoted('Converting ', fileName, `… ${converting}%`),
      detail: 'so every browser can play it',
    };
  return {
    value: progress.totalBytes === 0 ? 100 : (progress.sentBytes / progress.totalBytes) * 100,
    indeterminate: progress.finishing,
    label: progress.finishing ? quoted('Checking ', fileName, '…') : quoted('Importing ', fileName, ''),
    detail: `${formatBytes(progress.sentBytes)} of ${formatBytes(progress.totalBytes)}`,
  };
}

export function ImportStatus({ importer }: { importer: Importer }) {
  const { current, error } = importer;
  const bar = current && barOf(current.progress, current.fileName);
  return (
    <div className={styles.status} aria-live="polite">
      {current && bar && (
        <div className={styles.progress}>
          <ProgressBar
            value={bar.value}
            isIndeterminate={bar.indeterminate}
            aria-label={`${current.progress.convertingPercent === undefined ? 'Importing' : 'Converting'} ${current.fileName}`}
          >
            {({ percentage, isIndeterminate }) => (
              <>
                <ProgressHead label={bar.label} value={bar.detail} />
                <ProgressTrack percent={isIndeterminate ? null : (percentage ?? 0)} />
              </>
            )}
          </ProgressBar>
          {/* Checking takes moments and cannot be stopped; sending and converting can. */}
          <Button
            onPress={importer.cancel}
            isDisabled={current.progress.finishing && current.progress.convertingPercent === undefined}
          >
            Cancel
          </Button>
        </div>
      )}
      {error !== null && (
        <Banner tone="error" role="alert">
          <span>{error}</span>
          <IconButton aria-label="Dismiss" onPress={importer.dismissError}>
            <X size={16} aria-hidden="true" />
          </IconButton>
        </Banner>
      )}
    </div>
  );
}
