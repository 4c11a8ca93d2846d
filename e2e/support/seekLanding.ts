import type { Locator } from '@playwright/test';

interface SeekableMedia {
  currentTime: number;
  addEventListener(type: 'seeked', listener: () => void, options: { once: true }): void;
}

/**
 * Runs `action` and answers where the next seek of `media` landed. Reading currentTime afterwards would measure how
 * long a busy machine took to answer, since playback goes on after the jump.
 */
export async function seekLandingOf(media: Locator, action: () => Promise<void>): Promise<number> {
  const landing = media.evaluate(
    (element) =>
      new Promise<number>((resolve) => {
        const seekable = element as unknown as SeekableMedia;
        seekable.addEventListener('seeked', () => resolve(seekable.currentTime), { once: true });
      }),
  );
  await action();
  return landing;
}
