import { useEffect, useRef } from 'react';
import type { LessonDocument } from '@shared/editor/document';
import { bubbleVisibleAt } from '@shared/editor/bubbleGeometry';
import { mediaUrl } from '../../../studio';
import type { Editor } from '../useEditor';
import type { EditorMedia } from '../editorMedia';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { usePlayerState } from '../playback/usePlayer';
import { useElementSize } from '../useElementSize';
import { CalloutLayer } from './CalloutLayer';
import { CameraBubble } from './CameraBubble';
import styles from './Preview.module.css';

interface PreviewProps {
  doc: LessonDocument;
  media: EditorMedia;
  editor: Editor;
  player: LessonPlayer;
  selectedCalloutId: string | null;
  onSelectCallout: (id: string) => void;
}

/** The lesson as edited: the screen, the camera bubble where the layout puts it, and the callouts over them. */
export function Preview({ doc, media, editor, player, selectedCalloutId, onSelectCallout }: PreviewProps) {
  const stage = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLVideoElement>(null);
  const cameraRef = useRef<HTMLVideoElement>(null);
  const room = useElementSize(stage);
  const { frame } = media;
  const scale = Math.min(room.width / frame.width, room.height / frame.height) || 0;
  const size = { width: Math.floor(frame.width * scale), height: Math.floor(frame.height * scale) };

  useEffect(() => {
    player.attach({
      main: mainRef.current,
      camera: cameraRef.current,
      mainOffsetMs: media.main?.startOffsetMs ?? 0,
      cameraOffsetMs: media.camera?.startOffsetMs ?? 0,
    });
  }, [player, media]);

  const bubbleShown = usePlayerState(player, (state) => bubbleVisibleAt(doc.layout, state.sourceMs));

  return (
    <div className={styles.stage} ref={stage}>
      <div
        className={styles.frame}
        ref={frameRef}
        style={{ width: size.width, height: size.height }}
        data-testid="preview-frame"
      >
        {media.main ? (
          <video
            ref={mainRef}
            className={styles.video}
            src={mediaUrl(media.main.path)}
            preload="auto"
            aria-label="Lesson preview"
            data-role="screen"
          />
        ) : (
          <p className={styles.empty}>This recording has no playable file.</p>
        )}
        {media.camera && (
          <CameraBubble
            layout={doc.layout}
            frame={frame}
            frameEl={frameRef}
            scale={scale}
            cameraAspect={media.cameraAspect}
            cameraPath={media.camera.path}
            cameraRef={cameraRef}
            shown={bubbleShown}
            editor={editor}
          />
        )}
        <CalloutLayer
          callouts={doc.callouts}
          editList={doc.editList}
          editor={editor}
          player={player}
          frame={frameRef}
          frameSize={size}
          selectedId={selectedCalloutId}
          onSelect={onSelectCallout}
        />
      </div>
    </div>
  );
}
