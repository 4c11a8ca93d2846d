import { seekLandingOf } from '../support/seekLanding';
import { expect, type Locator, type Page } from '@playwright/test';

interface MediaLike {
  currentTime: number;
  paused: boolean;
  playbackRate: number;
}

/** The learner player as an exported web folder shows it. */
export class PlayerPage {
  readonly media: Locator;
  readonly dialog: Locator;
  readonly seekBar: Locator;
  readonly notice: Locator;
  readonly playButton: Locator;
  readonly questions: Locator;

  constructor(readonly page: Page) {
    this.media = page.locator('.fs-media');
    this.dialog = page.getByRole('dialog');
    this.seekBar = page.getByRole('slider', { name: 'Seek' });
    this.notice = page.locator('.fs-notice');
    this.playButton = page.locator('.fs-controls').getByRole('button', { name: /^(Play|Pause|Watch again)$/ });
    this.questions = page.getByRole('complementary', { name: 'Lesson contents' }).locator('.fs-question-item');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.seekBar).toBeVisible();
    await expect
      .poll(() => this.media.evaluate((media) => (media as unknown as { readyState: number }).readyState))
      .toBeGreaterThanOrEqual(1);
  }

  async setSpeed(rate: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Playback speed' }).selectOption(rate);
  }

  async play(): Promise<void> {
    await this.page.locator('.fs-controls').getByRole('button', { name: 'Play', exact: true }).click();
  }

  async mediaState(): Promise<MediaLike> {
    return this.media.evaluate((media) => {
      const element = media as unknown as MediaLike;
      return { currentTime: element.currentTime, paused: element.paused, playbackRate: element.playbackRate };
    });
  }

  async currentTime(): Promise<number> {
    return (await this.mediaState()).currentTime;
  }

  /** Runs `action` and answers where the next seek landed (see seekLandingOf). */
  seekLandingOf(action: () => Promise<void>): Promise<number> {
    return seekLandingOf(this.media, action);
  }

  /** Waits for playback to stop on a question and checks it stopped on its moment, within a frame or two. */
  async expectQuestionAt(seconds: number, prompt: string | RegExp): Promise<void> {
    await expect(this.dialog).toBeVisible({ timeout: 15_000 });
    await expect(this.dialog.locator('.fs-prompt')).toHaveText(prompt);
    const state = await this.mediaState();
    expect(state.paused).toBe(true);
    expect(Math.abs(state.currentTime - seconds), `stopped at ${state.currentTime}s`).toBeLessThan(0.07);
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Submit' }).click();
  }

  /** What dragging the seek bar does: set the range's value and let the player decide. */
  async dragSeekTo(ms: number): Promise<void> {
    await this.seekBar.evaluate((input, value) => {
      const range = input as unknown as { value: string; dispatchEvent(event: unknown): boolean };
      range.value = String(value);
      const EventCtor = (globalThis as unknown as { Event: new (type: string, init: { bubbles: boolean }) => unknown })
        .Event;
      range.dispatchEvent(new EventCtor('input', { bubbles: true }));
    }, ms);
  }

  async waitUntilPast(seconds: number): Promise<void> {
    await expect.poll(() => this.currentTime(), { timeout: 15_000 }).toBeGreaterThan(seconds);
  }
}
