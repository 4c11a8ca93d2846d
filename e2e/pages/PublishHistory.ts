import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson screen's Published section: each package the lesson published, with its actions. */
export class PublishHistory {
  readonly section: Locator;
  readonly list: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Published' });
    this.list = this.section.getByRole('list', { name: 'Published packages' });
    this.summary = this.section.getByRole('status');
  }

  /** The row of one publish, by the name the teacher sees: "SCORM 2004 4th edition, version 1.0". */
  entry(name: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: name });
  }

  saveAs(name: string): Locator {
    return this.list.getByRole('button', { name: `Save as… (${name})` });
  }

  /** Asks to delete the entry and answers the confirmation; `confirm: false` cancels it. */
  async delete(name: string, confirm = true): Promise<Locator> {
    await this.list.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = this.page.getByRole('alertdialog', { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    if (confirm) {
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await expect(dialog).toBeHidden();
    }
    return dialog;
  }
}
