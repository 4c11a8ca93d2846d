import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson editor: preview, transport, side panel and timeline. */
export class EditorPage {
  readonly main: Locator;
  readonly timeline: Locator;
  readonly duration: Locator;
  readonly playhead: Locator;
  readonly video: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main', { name: /^Edit/ });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.duration = page.getByTestId('lesson-duration');
    this.playhead = page.getByTestId('lesson-time');
    this.video = page.locator('video[data-role="screen"]');
  }

  async goto(hostUrl: string, lessonId: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/lesson/${lessonId}/edit`);
    await this.expectReady();
  }

  async expectReady(): Promise<void> {
    await expect(this.main).toHaveAttribute('data-state', 'ready');
  }

  /** Moves the playhead to a lesson time in whole seconds, from the start, with the keyboard. */
  async seekToSecond(seconds: number): Promise<void> {
    await this.timeline.focus();
    await this.page.keyboard.press('Shift+ArrowLeft');
    while ((await this.playhead.textContent()) !== '0:00.0') await this.page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < seconds; i += 1) await this.page.keyboard.press('Shift+ArrowRight');
    await expect(this.playhead).toHaveText(`0:${String(seconds).padStart(2, '0')}.0`);
  }

  async press(name: string): Promise<void> {
    await this.page
      .getByRole('toolbar', { name: 'Playback and editing' })
      .getByRole('button', { name, exact: true })
      .click();
  }

  async shortcut(keys: string): Promise<void> {
    await this.timeline.focus();
    await this.page.keyboard.press(keys);
  }

  async addCallout(kind: 'Text' | 'Arrow' | 'Highlight' | 'Blur'): Promise<void> {
    await this.press('Callout');
    await this.page.getByRole('menuitem', { name: kind }).click();
  }

  tab(name: 'Key moments' | 'Questions' | 'Callouts' | 'Camera'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  list(name: 'Key moments' | 'Questions' | 'Callouts'): Locator {
    return this.page.getByRole('grid', { name });
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  }

  async undo(): Promise<void> {
    await this.shortcut('Control+z');
  }

  async redo(): Promise<void> {
    await this.shortcut('Control+Shift+z');
  }
}
