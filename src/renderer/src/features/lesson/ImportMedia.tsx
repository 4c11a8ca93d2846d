import { DropZone, FileTrigger, ProgressBar, Text, isFileDropItem, type DropItem } from 'react-aria-components';
import { FileUp, X } from 'lucide-react';
import { Button, IconButton } from '../../ui/Button';
import { formatBytes } from '../../lib/time';
import type { useImport } from './useImport';

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
      className="drop-zone"
      aria-label="Drop a video or audio file to import it"
      isDisabled={importer.current !== null}
      getDropOperation={() => 'copy'}
      onDrop={(event) => void filesOf(event).then(importer.importFiles)}
    >
      <FileUp size={18} aria-hidden="true" />
      <Text slot="label">Drop a video or audio file here to add it as a take</Text>
    </DropZone>
  );
}

export function ImportStatus({ importer }: { importer: Importer }) {
  const { current, error } = importer;
  return (
    <div className="import-status" aria-live="polite">
      {current && (
        <div className="import-progress">
          <ProgressBar
            className="progress"
            value={current.progress.totalBytes === 0 ? 100 : (current.progress.sentBytes / current.progress.totalBytes) * 100}
            isIndeterminate={current.progress.finishing}
            aria-label={`Importing ${current.fileName}`}
          >
            {({ percentage, isIndeterminate }) => (
              <>
                <div className="progress-head">
                  <span className="progress-label">
                    {current.progress.finishing ? `Checking “${current.fileName}”…` : `Importing “${current.fileName}”`}
                  </span>
                  <span className="progress-value">
                    {formatBytes(current.progress.sentBytes)} of {formatBytes(current.progress.totalBytes)}
                  </span>
                </div>
                <div className="progress-track">
                  <div className={isIndeterminate ? 'progress-fill progress-fill-indeterminate' : 'progress-fill'} style={{ width: `${isIndeterminate ? 100 : (percentage ?? 0)}%` }} />
                </div>
              </>
            )}
          </ProgressBar>
          <Button onPress={importer.cancel} isDisabled={current.progress.finishing}>
            Cancel
          </Button>
        </div>
      )}
      {error && (
        <div className="load-error" role="alert">
          <span>{error}</span>
          <IconButton aria-label="Dismiss" onPress={importer.dismissError}>
            <X size={16} aria-hidden="true" />
          </IconButton>
        </div>
      )}
    </div>
  );
}
