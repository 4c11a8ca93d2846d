import { expect, type Locator, type Page } from '@playwright/test';

/** The library screen: projects, search, sort, trash. */
export class LibraryPage {
  readonly heading: Locator;
  readonly projects: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Library' });
    this.projects = page.getByRole('grid', { name: 'Projects' });
    this.search = page.getByRole('searchbox', { name: 'Search projects' });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading).toBeVisible();
  }

  row(title: string): Locator {
    return this.projects.getByRole('row', { name: title, exact: true });
  }

  /** Titles in the order shown. */
  titles(): Locator {
    return this.projects.getByTestId('project-title');
  }

  async createProject(title: string, description = ''): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'New project' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    if (description) await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await expect(dialog).toBeHidden();
  }

  async chooseAction(title: string, action: 'Open' | 'Rename…' | 'Duplicate' | 'Move to trash'): Promise<void> {
    await this.row(title)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async rename(title: string, newTitle: string): Promise<void> {
    await this.chooseAction(title, 'Rename…');
    const dialog = this.page.getByRole('dialog', { name: 'Rename project' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(newTitle);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(newTitle)).toBeVisible();
  }

  async open(title: string): Promise<void> {
    await this.row(title).click();
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
  }

  noResults(query: string): Locator {
    return this.page.getByRole('heading', { name: `No projects match “${query}”` });
  }

  toast(message: string): Locator {
    return this.page.getByRole('alertdialog', { name: message });
  }

  async showTrash(): Promise<void> {
    await this.page.getByRole('radio', { name: /^Trash/ }).click();
    await expect(this.page).toHaveURL(/#\/trash$/);
  }

  async showProjects(): Promise<void> {
    await this.page.getByRole('radio', { name: 'Projects' }).click();
    await expect(this.projects.or(this.page.getByRole('heading', { name: 'Start your first project' }))).toBeVisible();
  }

  trashRow(title: string): Locator {
    return this.page
      .getByRole('list', { name: 'Projects in the trash' })
      .getByRole('listitem')
      .filter({ hasText: title });
  }

  async restore(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Restore ${title}` }).click();
    await expect(this.trashRow(title)).toBeHidden();
  }

  /** Asks to empty the trash, checks the question names what goes, then confirms. */
  async emptyTrash(expectedQuestion: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Empty trash…' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Empty the trash?' });
    await expect(dialog).toContainText(expectedQuestion);
    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  }
}
