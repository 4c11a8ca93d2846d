import { useState } from 'react';
import { AlertTriangle, Download, FolderOpen, Play, Trash2 } from 'lucide-react';
import type { Render } from '@shared/media/renders';
import { formatBytes } from '@shared/format/bytes';
import { formatClock } from '@shared/format/clock';
import { saveFileAs, showInFolder, useCanShowInFolder } from '../../lib/fileActions';
import { mediaUrl } from '../../studio';
import { Button, IconButton } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { RelativeTime } from '../../ui/RelativeTime';
import { RowMain, RowMeta } from '../../ui/RowText';
import { useToast } from '../../ui/Toast';
import styles from './RenderList.module.css';

interface RenderListProps {
  renders: readonly Render[];
  /** The document's revision now; a render made from an older one no longer shows the lesson as it is. */
  revision: number | null;
  takeId: string | null;
  onRemove: (render: Render) => void;
}

/** Finished renders, newest first, each with its facts and a way to watch it. */
export function RenderList({ renders, revision, takeId, onRemove }: RenderListProps) {
  const [playing, setPlaying] = useState<Render | null>(null);
  const canShowInFolder = useCanShowInFolder();
  const toast = useToast();
  return (
    <>
      <ul className={styles.list} aria-label="Rendered files">
        {renders.map((render) => {
          const outdated = revision !== null && (render.revision < revision || render.takeId !== takeId);
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
              <div className={styles.actions}>
                <Button
                  size="sm"
                  aria-label={`Save as… (${render.label} render)`}
                  onPress={() => void saveFileAs({ kind: 'render', renderId: render.id }, toast)}
                >
                  <Download size={14} aria-hidden="true" />
                  Save as…
                </Button>
                {canShowInFolder && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Show in folder (${render.label} render)`}
                    onPress={() => void showInFolder({ kind: 'render', renderId: render.id }, toast)}
                  >
                    <FolderOpen size={14} aria-hidden="true" />
                    Show in folder
                  </Button>
                )}
              </div>
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

export function factsOf(render: Render): string[] {
  const codecs = [render.videoCodec && codecName(render.videoCodec), render.audioCodec && codecName(render.audioCodec)]
    .filter(Boolean)
    .join(' + ');
  return [
    formatClock(render.durationMs),
    render.width && render.height ? `${render.width}×${render.height}` : null,
    codecs || null,
    formatBytes(render.sizeBytes),
  ].filter((fact): fact is string => fact !== null);
}

function codecName(codec: string): string {
  const names: Record<string, string> = {
    avc: 'H.264',
    hevc: 'HEVC',
    vp8: 'VP8',
    vp9: 'VP9',
    av1: 'AV1',
    aac: 'AAC',
    opus: 'Opus',
    mp3: 'MP3',
  };
  return names[codec] ?? codec;
}
