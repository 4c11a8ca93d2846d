import { expect, type Locator, type Page } from '@playwright/test';

/** One project: its title, description and ordered lessons. */
export class ProjectPage {
  readonly lessons: Locator;
  readonly newLesson: Locator;

  constructor(readonly page: Page) {
    this.lessons = page.getByRole('grid', { name: 'Lessons' });
    this.newLesson = page.getByRole('textbox', { name: 'New lesson title' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  async expectOpen(title: string): Promise<void> {
    await expect(this.heading(title)).toBeVisible();
    await expect(this.page).toHaveURL(/#\/project\/[\w-]+$/);
  }

  lesson(title: string): Locator {
    return this.lessons.getByRole('row', { name: title, exact: true });
  }

  async expectLessons(titles: string[]): Promise<void> {
    await expect(this.lessons.getByTestId('lesson-title')).toHaveText(titles);
  }

  /** Types a title and presses Enter; the field keeps focus for the next one. */
  async addLesson(title: string): Promise<void> {
    await this.newLesson.fill(title);
    await this.newLesson.press('Enter');
    await expect(this.lesson(title)).toBeVisible();
    await expect(this.newLesson).toHaveValue('');
    await expect(this.newLesson).toBeFocused();
  }

  async moveWithKeyboard(title: string, direction: 'up' | 'down'): Promise<void> {
    const row = this.lesson(title);
    // A click would open the lesson; focus the row as the keyboard would reach it.
    await row.focus();
    await expect(row).toBeFocused();
    await this.page.keyboard.press(direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  }

  async chooseAction(title: string, action: 'Rename…' | 'Move up' | 'Move down' | 'Delete lesson'): Promise<void> {
    await this.lesson(title)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async renameLesson(title: string, newTitle: string): Promise<void> {
    await this.chooseAction(title, 'Rename…');
    const dialog = this.page.getByRole('dialog', { name: 'Rename lesson' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(newTitle);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.lesson(newTitle)).toBeVisible();
  }

  async renameProject(newTitle: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Rename' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename project' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(newTitle);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.heading(newTitle)).toBeVisible();
  }

  toast(message: string): Locator {
    return this.page.getByRole('alertdialog', { name: message });
  }

  async deleteLesson(title: string): Promise<Locator> {
    await this.chooseAction(title, 'Delete lesson');
    const toast = this.toast(`“${title}” moved to trash`);
    await expect(toast).toBeVisible();
    await expect(this.lesson(title)).toBeHidden();
    return toast;
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: 'Library', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  }
}
