import { expect, type Locator, type Page } from '@playwright/test';

/** The studio's Class results screen for one lesson. */
export class ClassResultsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.locator('table');
  }

  async open(hostUrl: string, lessonId: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/lesson/${lessonId}/results`);
    await expect(this.page.getByRole('heading', { level: 1, name: /Class results/ })).toBeVisible();
  }

  async makeClass(name: string): Promise<string> {
    await this.page.getByRole('textbox', { name: 'New class' }).fill(name);
    await this.page.getByRole('button', { name: 'Make a class' }).click();
    const code = this.page.getByLabel(new RegExp(`^Join code for ${name}:`));
    await expect(code).toBeVisible();
    return (await code.textContent())?.trim() ?? '';
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr', { has: this.page.getByRole('rowheader', { name }) });
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
    await expect(this.page.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('data-pending', 'true');
  }
}
