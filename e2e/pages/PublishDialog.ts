import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson screen's publish dialog. */
export class PublishDialog {
  readonly dialog: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Publish the lesson' });
    this.progress = this.dialog.getByRole('progressbar');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Publish…' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByText('Loading the lesson…')).toHaveCount(0);
  }

  format(name: string): Locator {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  /** The radio's input is visually hidden (React Aria); a teacher clicks the card, here on its label. */
  async chooseFormat(name: string): Promise<void> {
    await this.dialog
      .getByRole('radiogroup', { name: 'Format' })
      .getByText(new RegExp(`^${name}`))
      .click();
    await expect(this.format(name)).toBeChecked();
  }

  video(name: string): Locator {
    return this.dialog.getByRole('radiogroup', { name: 'Video' }).getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  /** The recording for the player to draw over, or the rendered files. */
  async chooseVideo(name: 'The recording' | 'Rendered video files'): Promise<void> {
    await this.dialog
      .getByRole('radiogroup', { name: 'Video' })
      .getByText(new RegExp(`^${name}`))
      .click();
    await expect(this.video(name)).toBeChecked();
  }

  /** A Common Cartridge's choice of how each lesson goes in (links to the class server, or the lessons themselves). */
  cartridgeLessons(name: string): Locator {
    return this.dialog
      .getByRole('radiogroup', { name: /lessons? of this project/ })
      .getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  async publish(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Publish / }).click();
  }
}
