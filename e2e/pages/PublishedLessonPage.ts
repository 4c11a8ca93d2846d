import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

interface MediaLike {
  currentTime: number;
  paused: boolean;
}

/** The published lesson's player, inside the test LMS's frame (or as the whole page for a web folder). */
export class PublishedLessonPage {
  readonly root: FrameLocator | Page;
  readonly media: Locator;
  readonly dialog: Locator;
  readonly notice: Locator;
  readonly banner: Locator;

  constructor(
    readonly page: Page,
    inFrame = true,
  ) {
    this.root = inFrame ? page.frameLocator('iframe[title="Lesson"]') : page;
    this.media = this.root.locator('.fs-media');
    this.dialog = this.root.getByRole('dialog');
    this.notice = this.root.locator('.fs-notice');
    this.banner = this.root.locator('.fs-lms-banner');
  }

  async ready(): Promise<void> {
    await expect(this.root.getByRole('slider', { name: 'Seek' })).toBeVisible();
    await expect
      .poll(() => this.media.evaluate((media) => (media as unknown as { readyState: number }).readyState))
      .toBeGreaterThanOrEqual(1);
  }

  async setSpeed(rate: string): Promise<void> {
    await this.root.getByRole('combobox', { name: 'Playback speed' }).selectOption(rate);
  }

  async play(): Promise<void> {
    await this.root.locator('.fs-controls').getByRole('button', { name: 'Play', exact: true }).click();
  }

  async currentTime(): Promise<number> {
    return this.media.evaluate((media) => (media as unknown as MediaLike).currentTime);
  }

  async waitUntilPast(seconds: number): Promise<void> {
    await expect.poll(() => this.currentTime(), { timeout: 15_000 }).toBeGreaterThan(seconds);
  }

  async expectQuestion(prompt: string): Promise<void> {
    await expect(this.dialog).toBeVisible({ timeout: 15_000 });
    await expect(this.dialog.locator('.fs-prompt')).toHaveText(prompt);
  }

  /** A typed answer (short answer or number). */
  async answerText(text: string, verdict: 'Correct' | 'Not quite'): Promise<void> {
    await this.dialog.getByRole('textbox', { name: /Your answer/ }).fill(text);
    await this.dialog.getByRole('button', { name: 'Submit' }).click();
    await expect(this.dialog.locator('.fs-verdict')).toHaveText(verdict);
  }

  /** Pauses at once, not by a click a busy machine might deliver after the next question already stopped play. */
  async pauseNow(): Promise<void> {
    await this.media.evaluate((media) => (media as unknown as { pause(): void }).pause());
    await expect(this.root.locator('.fs-controls').getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  }

  get summary(): Locator {
    return this.root.getByRole('dialog', { name: 'Lesson finished' });
  }

  async answer(option: string | RegExp, verdict: 'Correct' | 'Not quite'): Promise<void> {
    await this.dialog.getByRole('radio', { name: option }).check();
    await this.dialog.getByRole('button', { name: 'Submit' }).click();
    await expect(this.dialog.locator('.fs-verdict')).toHaveText(verdict);
  }
}
