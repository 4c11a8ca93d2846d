import { useRef } from 'react';
import type { Take } from '@shared/media/takes';
import { mediaUrl } from '../../studio';
import { cx } from '../../lib/classNames';
import { useSyncedBubble } from './useSyncedBubble';
import styles from './TakePlayer.module.css';

/** The take as recorded: the screen with the camera as a small bubble in step with it, or the one file there is. */
export function TakePlayer({ take }: { take: Take }) {
  const screen = take.files.find((file) => file.role === 'screen') ?? take.files.find((file) => file.role === 'audio');
  const camera = take.files.find((file) => file.role === 'camera');
  const main = screen ?? camera;
  const bubble = screen && camera ? camera : null;
  const mainRef = useRef<HTMLVideoElement>(null);
  const bubbleRef = useRef<HTMLVideoElement>(null);
  const offsetS = bubble && main ? (bubble.startOffsetMs - main.startOffsetMs) / 1000 : 0;
  useSyncedBubble(mainRef, bubbleRef, offsetS, `${main?.path ?? ''}|${bubble?.path ?? ''}`);

  if (!main) return <div className={cx(styles.player, styles.empty)}>This recording has no playable file.</div>;
  return (
    <div className={cx(styles.player, main.role === 'audio' && styles.audio)}>
      <video
        key={main.path}
        ref={mainRef}
        className={styles.video}
        src={mediaUrl(main.path)}
        controls
        preload="metadata"
        aria-label={`Recording “${take.title}”`}
        data-role={main.role}
      />
      {bubble && (
        <video
          key={bubble.path}
          ref={bubbleRef}
          className={styles.bubble}
          src={mediaUrl(bubble.path)}
          muted
          preload="metadata"
          aria-hidden="true"
          tabIndex={-1}
          data-role="camera"
          data-testid="take-bubble"
        />
      )}
    </div>
  );
}
