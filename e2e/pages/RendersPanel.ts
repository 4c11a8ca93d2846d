import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson screen's Renders section: the render dialog, the queue, the finished files. */
export class RendersPanel {
  readonly section: Locator;
  readonly queue: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Renders' });
    this.queue = page.getByRole('list', { name: 'Render queue' });
    this.list = page.getByRole('list', { name: 'Rendered files' });
  }

  /**
   * Opens the dialog, ticks exactly `labels` ("720p", "Audio only"), with `burnCaptions` ticks "Captions burned into
   * the picture" (and picks that language when there are several), and starts the jobs.
   */
  async render(labels: string[], options: { burnCaptions?: string; before?: () => Promise<void> } = {}): Promise<void> {
    const dialog = await this.openDialog();
    for (const box of await dialog.getByRole('checkbox').all()) {
      const label = (await box.getAttribute('value')) ?? '';
      const wanted = labels.some((name) => (name === 'Audio only' ? label === '0' : `${label}p` === name));
      if ((await box.isChecked()) !== wanted && (await box.isEnabled())) await box.click({ force: true });
    }
    if (options.burnCaptions !== undefined) {
      await dialog.getByRole('checkbox', { name: /Captions burned into the picture/ }).click({ force: true });
      const language = dialog.getByRole('radio', { name: options.burnCaptions });
      if ((await language.count()) > 0) await language.click({ force: true });
    }
    await options.before?.();
    await dialog.getByRole('button', { name: /^Render/ }).click();
    await expect(dialog).toBeHidden();
  }

  async openDialog(): Promise<Locator> {
    // The lesson's player comes in above the section once the edit is loaded. Its place is kept while it loads, but a
    // lesson with chapters, notes or captions gets a side panel that changes the player's height, and a click before
    // that can land on whatever moved under the pointer (seen on a busy machine: no dialog).
    const player = this.page.getByRole('region', { name: 'The lesson as learners see it' });
    await expect(player.getByRole('slider', { name: 'Seek' })).toBeVisible();
    await this.section.getByRole('button', { name: 'Render…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Render the lesson' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  job(label: string): Locator {
    return this.queue.getByRole('listitem').filter({ hasText: label });
  }

  async waitDone(label: string, timeout = 30_000): Promise<string> {
    const job = this.job(label);
    await expect(job).toHaveAttribute('data-state', /done|failed/, { timeout });
    const text = (await job.textContent()) ?? '';
    expect(text, text).not.toContain('Failed');
    return text;
  }

  /** Presses Save as… on the `label` render; a lesson with captions answers with the save dialog, answered here. */
  async openSaveDialog(label: string): Promise<Locator> {
    await this.list.getByRole('button', { name: `Save as… (${label} render)` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Save the ${label} render` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
