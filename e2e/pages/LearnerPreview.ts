import { seekLandingOf } from '../support/seekLanding';
import { expect, type Locator, type Page } from '@playwright/test';

interface MediaLike {
  currentTime: number;
  paused: boolean;
  readyState: number;
}

/** The editor's "Preview as learner" overlay, with the real player inside it. */
export class LearnerPreview {
  readonly overlay: Locator;
  readonly media: Locator;
  readonly question: Locator;
  readonly seekBar: Locator;
  readonly notice: Locator;
  readonly questions: Locator;
  readonly summary: Locator;
  readonly keepProgress: Locator;

  constructor(readonly page: Page) {
    this.overlay = page.getByRole('dialog', { name: 'Preview as learner' });
    this.media = this.overlay.locator('.fs-media');
    this.question = this.overlay.locator('.fs-question-dialog');
    this.seekBar = this.overlay.getByRole('slider', { name: 'Seek' });
    this.notice = this.overlay.locator('.fs-notice');
    this.questions = this.overlay.getByRole('complementary', { name: 'Lesson contents' }).locator('.fs-question-item');
    this.summary = this.overlay.getByRole('dialog', { name: 'Lesson finished' });
    this.keepProgress = this.overlay.getByRole('switch', { name: 'Keep progress' });
  }

  /** Opens it from the editor's toolbar and waits until the player has its video. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Preview as learner' }).click();
    await this.waitForPlayer();
  }

  async waitForPlayer(): Promise<void> {
    await expect(this.seekBar).toBeVisible();
    await expect.poll(() => this.state().then((state) => state.readyState)).toBeGreaterThanOrEqual(1);
  }

  /** React Aria's switch is a label over a hidden input, so the label is what a teacher clicks. */
  async toggleKeepProgress(): Promise<void> {
    await this.overlay.getByText('Keep progress', { exact: true }).click();
  }

  async close(): Promise<void> {
    await this.overlay.getByRole('button', { name: 'Close preview' }).click();
    await expect(this.overlay).toBeHidden();
  }

  async state(): Promise<MediaLike> {
    return this.media.evaluate((media) => {
      const element = media as unknown as MediaLike;
      return { currentTime: element.currentTime, paused: element.paused, readyState: element.readyState };
    });
  }

  async currentTime(): Promise<number> {
    return (await this.state()).currentTime;
  }

  /** Runs `action` and answers where the next seek landed (see seekLandingOf). */
  seekLandingOf(action: () => Promise<void>): Promise<number> {
    return seekLandingOf(this.media, action);
  }

  async setSpeed(rate: string): Promise<void> {
    await this.overlay.getByRole('combobox', { name: 'Playback speed' }).selectOption(rate);
  }

  async play(): Promise<void> {
    await this.overlay.locator('.fs-controls').getByRole('button', { name: 'Play', exact: true }).click();
  }

  /** Waits for playback to stop on a question and checks it stopped on its moment (source times, so the take's clock). */
  async expectQuestionAt(seconds: number, prompt: string | RegExp): Promise<void> {
    await expect(this.question).toBeVisible({ timeout: 15_000 });
    await expect(this.question.locator('.fs-prompt')).toHaveText(prompt);
    const state = await this.state();
    expect(state.paused).toBe(true);
    expect(Math.abs(state.currentTime - seconds), `stopped at ${state.currentTime}s`).toBeLessThan(0.1);
  }

  async answerText(text: string): Promise<void> {
    await this.question.getByRole('textbox').fill(text);
    await this.question.getByRole('button', { name: 'Submit' }).click();
  }

  async answerChoice(name: string): Promise<void> {
    await this.question.getByRole('radio', { name, exact: true }).check();
    await this.question.getByRole('button', { name: 'Submit' }).click();
  }

  async continue(): Promise<void> {
    await this.question.getByRole('button', { name: 'Continue' }).click();
    await expect(this.question).toBeHidden();
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
}
