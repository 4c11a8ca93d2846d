import { useEffect, useRef } from 'react';
import type { LessonDocument } from '../../../../../shared/editor/document';
import { bubbleRect, bubbleVisibleAt } from '../../../../../shared/editor/bubbleGeometry';
import { mediaUrl } from '../../../studio';
import type { Editor } from '../useEditor';
import type { EditorMedia } from '../editorMedia';
import type { LessonPlayer } from '../playback/lessonPlayer';
import { usePlayerState } from '../playback/usePlayer';
import { useElementSize } from '../useElementSize';
import { CalloutLayer } from './CalloutLayer';

interface PreviewProps {
  doc: LessonDocument;
  media: EditorMedia;
  editor: Editor;
  player: LessonPlayer;
  selectedCalloutId: string | null;
  onSelectCallout: (id: string) => void;
}

const pct = (value: number, of: number) => `${(value / of) * 100}%`;

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
    player.attach({ main: mainRef.current, camera: cameraRef.current, mainOffsetMs: media.main?.startOffsetMs ?? 0, cameraOffsetMs: media.camera?.startOffsetMs ?? 0 });
  }, [player, media]);

  const bubbleShown = usePlayerState(player, (state) => bubbleVisibleAt(doc.layout, state.sourceMs));
  const bubble = bubbleRect(doc.layout, frame, media.cameraAspect);

  return (
    <div className="preview-stage" ref={stage}>
      <div className="preview-frame" ref={frameRef} style={{ width: size.width, height: size.height }}>
        {media.main ? (
          <video ref={mainRef} className="preview-video" src={mediaUrl(media.main.path)} preload="auto" aria-label="Lesson preview" data-role="screen" />
        ) : (
          <p className="preview-empty">This take has no playable file.</p>
        )}
        {media.camera && (
          <div
            className={`preview-bubble preview-bubble-${doc.layout.shape}`}
            hidden={!bubbleShown}
            style={{ left: pct(bubble.x, frame.width), top: pct(bubble.y, frame.height), width: pct(bubble.width, frame.width), height: pct(bubble.height, frame.height), borderRadius: bubble.radius * scale }}
          >
            <video ref={cameraRef} src={mediaUrl(media.camera.path)} muted preload="auto" aria-hidden="true" tabIndex={-1} data-role="camera" />
          </div>
        )}
        <CalloutLayer
          callouts={doc.callouts}
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
