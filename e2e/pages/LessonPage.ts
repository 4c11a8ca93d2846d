import { expect, type Locator, type Page } from '@playwright/test';

/** One lesson: its steps, the edited lesson in the learner's player, the list of recordings, record and import. */
export class LessonPage {
  readonly takes: Locator;
  /** The learner's player playing the lesson as edited. */
  readonly lessonPlayer: Locator;
  /** The player's video (or audio) element. */
  readonly player: Locator;
  /** The camera bubble the player draws over the screen. */
  readonly camera: Locator;
  /** Record · Edit · Questions · Publish, each with its state in words. */
  readonly steps: Locator;
  readonly fileInput: Locator;

  constructor(readonly page: Page) {
    this.takes = page.getByRole('list', { name: 'Recordings' });
    this.lessonPlayer = page.getByTestId('lesson-player');
    this.player = this.lessonPlayer.locator('video, audio').first();
    this.camera = this.lessonPlayer.getByRole('group', { name: /^Teacher’s camera/ });
    this.steps = page.getByRole('list', { name: 'Steps for this lesson' });
    this.fileInput = page.locator('input[type="file"][accept*="video"]');
  }

  async goto(hostUrl: string, lessonId: string, title: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/lesson/${lessonId}`);
    await this.expectOpen(title);
  }

  async expectOpen(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(this.page).toHaveURL(/#\/lesson\/[\w-]+$/);
  }

  /** One step of the strip, e.g. `step('Edit')`; its text says whether it is done, next or not yet. */
  step(name: 'Record' | 'Edit' | 'Questions' | 'Publish'): Locator {
    return this.steps.getByRole('listitem').filter({ hasText: new RegExp(`^${name}:`) });
  }

  take(title: string): Locator {
    return this.takes.getByRole('listitem').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** The question asked before the lesson uses another recording. */
  switchDialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: `Use “${title}” in the lesson?` });
  }

  async useRecording(title: string): Promise<Locator> {
    await this.take(title)
      .getByRole('button', { name: `Use this recording: ${title}` })
      .click();
    const dialog = this.switchDialog(title);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async importFile(file: string): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  refusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'was not imported' });
  }

  /** The player can decode the active take and its clock moves when played. */
  async expectPlays(): Promise<void> {
    await expect(this.player).toBeVisible();
    await expect
      .poll(() => this.player.evaluate((video) => (video as unknown as { readyState: number }).readyState), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    await this.player.evaluate((video) => {
      const element = video as unknown as { muted: boolean; play(): Promise<void> };
      element.muted = true;
      return element.play();
    });
    await expect
      .poll(() => this.player.evaluate((video) => (video as unknown as { currentTime: number }).currentTime))
      .toBeGreaterThan(0.3);
  }
}
