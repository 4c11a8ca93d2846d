import { useState } from 'react';
import { AlertTriangle, Play, Trash2 } from 'lucide-react';
import type { Render } from '@shared/media/renders';
import { isUpToDate, type UpToDateDocument } from '@shared/render/upToDate';
import { formatBytes } from '@shared/format/bytes';
import { formatClock } from '@shared/format/clock';
import { FileButtons } from '../../lib/FileButtons';
import { useCanShowInFolder } from '../../lib/fileActions';
import { mediaUrl } from '../../studio';
import { Button, IconButton } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { RelativeTime } from '../../ui/RelativeTime';
import { RowMain, RowMeta } from '../../ui/RowText';
import styles from './RenderList.module.css';

interface RenderListProps {
  renders: readonly Render[];
  /** The lesson as it is now, null while it loads: a render no longer showing it is marked out of date. */
  document: UpToDateDocument | null;
  onRemove: (render: Render) => void;
}

/** Finished renders, newest first, each with its facts and a way to watch it. */
export function RenderList({ renders, document, onRemove }: RenderListProps) {
  const [playing, setPlaying] = useState<Render | null>(null);
  const canShowInFolder = useCanShowInFolder();
  return (
    <>
      <ul className={styles.list} aria-label="Rendered files">
        {renders.map((render) => {
          const outdated = document !== null && !isUpToDate(render, document);
          return (
            <li key={render.id} className={styles.row} data-render-id={render.id}>
              <IconButton
                aria-label={`Play the ${render.label} render`}
                className={styles.play}
                onPress={() => setPlaying(render)}
              >
                <Play size={16} aria-hidden="true" />
              </IconButton>
              <RowMain>
                <span className={styles.title}>
                  {render.label}
                  {outdated && (
                    <span className={styles.outdated} title="The lesson was edited after this render was made">
                      <AlertTriangle size={12} aria-hidden="true" />
                      Out of date
                    </span>
                  )}
                </span>
                <RowMeta>
                  {factsOf(render).map((fact) => (
                    <span key={fact}>{fact}</span>
                  ))}
                  <RelativeTime prefix="made" timestamp={render.finishedAt ?? render.createdAt} />
                </RowMeta>
              </RowMain>
              <FileButtons
                file={{ kind: 'render', renderId: render.id }}
                name={`${render.label} render`}
                canShowInFolder={canShowInFolder}
                className={styles.actions}
              />
              <IconButton aria-label={`Delete the ${render.label} render`} onPress={() => onRemove(render)}>
                <Trash2 size={16} aria-hidden="true" />
              </IconButton>
            </li>
          );
        })}
      </ul>
      <Dialog
        title={playing ? `${playing.label} render` : 'Render'}
        isOpen={playing !== null}
        onOpenChange={(open) => !open && setPlaying(null)}
        size="wide"
      >
        {playing && (
          <video
            className={styles.player}
            src={mediaUrl(playing.path)}
            controls
            autoPlay
            aria-label={`The ${playing.label} render`}
          />
        )}
        <DialogActions>
          <Button onPress={() => setPlaying(null)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/**
 * Length, picture size, file size and any captions burned in; the codecs mean nothing to a teacher and every render
 * plays in a browser.
 */
export function factsOf(render: Render): string[] {
  return [
    formatClock(render.durationMs),
    render.width && render.height ? `${render.width}×${render.height}` : null,
    formatBytes(render.sizeBytes),
    render.burnedCaptions ? `captions burned in (${render.burnedCaptions.language})` : null,
  ].filter((fact): fact is string => fact !== null);
}
