import { useEffect, type RefObject } from 'react';

/** How far the bubble may drift before it is put back in step; smaller makes it stutter. */
const DRIFT_S = 0.2;

/**
 * Keeps the camera bubble on the screen video's clock: it plays, pauses, seeks and changes speed with it.
 * `offsetS` is how much later the camera file started than the screen file on the take's clock.
 */
export function useSyncedBubble(
  main: RefObject<HTMLVideoElement | null>,
  bubble: RefObject<HTMLVideoElement | null>,
  offsetS: number,
  key: string,
): void {
  useEffect(() => {
    const lead = main.current;
    const follower = bubble.current;
    if (!lead || !follower) return;
    const align = () => {
      const target = Math.max(0, lead.currentTime - offsetS);
      if (Math.abs(follower.currentTime - target) > DRIFT_S) follower.currentTime = target;
    };
    const play = () => {
      align();
      void follower.play().catch(() => undefined);
    };
    const pause = () => {
      follower.pause();
      align();
    };
    const rate = () => (follower.playbackRate = lead.playbackRate);
    const events: [string, () => void][] = [
      ['play', play],
      ['pause', pause],
      ['seeked', align],
      ['timeupdate', align],
      ['ratechange', rate],
      ['waiting', () => follower.pause()],
      ['playing', play],
    ];
    for (const [name, handler] of events) lead.addEventListener(name, handler);
    return () => {
      for (const [name, handler] of events) lead.removeEventListener(name, handler);
    };
  }, [main, bubble, offsetS, key]);
}
