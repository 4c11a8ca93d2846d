import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Take } from '@shared/media/takes';
import { studio } from '../../studio';
import { describeImportError, importMediaFile, type ImportProgress } from './importMedia';
import { quoted } from '../../ui/Quoted';

export interface ImportState {
  fileName: string;
  progress: ImportProgress;
}

/** Imports files one after another into a lesson, with progress, cancel, and the reason a file was refused. */
export function useImport(lessonId: string, onImported: (take: Take) => void) {
  const [current, setCurrent] = useState<ImportState | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const abort = useRef<AbortController | null>(null);

  const importFiles = useCallback(
    async (files: File[]) => {
      if (abort.current) return;
      setError(null);
      for (const file of files) {
        const controller = new AbortController();
        abort.current = controller;
        setCurrent({ fileName: file.name, progress: { sentBytes: 0, totalBytes: file.size, finishing: false } });
        try {
          const take = await importMediaFile(studio, lessonId, file, {
            signal: controller.signal,
            onProgress: (progress) => setCurrent({ fileName: file.name, progress }),
          });
          onImported(take);
        } catch (failure) {
          if (!controller.signal.aborted)
            setError(quoted('', file.name, ` was not imported. ${describeImportError(failure)}`));
          break;
        } finally {
          abort.current = null;
          setCurrent(null);
        }
      }
    },
    [lessonId, onImported],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { current, error, dismissError: () => setError(null), importFiles, cancel };
}
