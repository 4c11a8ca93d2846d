import { expect, type Locator, type Page } from '@playwright/test';

/** The editor's Notes and Captions tabs. */
export class NotesCaptionsPanel {
  readonly notes: Locator;
  readonly preview: Locator;
  readonly problems: Locator;
  readonly typeAlong: Locator;

  constructor(readonly page: Page) {
    this.notes = page.getByRole('textbox', { name: 'Notes for learners' });
    this.preview = page.getByRole('region', { name: /^Preview/ });
    this.problems = page.getByRole('alert').filter({ hasText: /to fix before learners can read the notes/ });
    this.typeAlong = page.getByRole('textbox', { name: /^Type along from/ });
  }

  async openNotes(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Notes' }).click();
    await expect(this.notes).toBeVisible();
  }

  async openCaptions(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Captions/ }).click();
  }

  async writeNotes(text: string): Promise<void> {
    await this.notes.fill(text);
  }

  async addTrack(code: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add captions' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add captions' });
    await dialog.getByRole('textbox', { name: 'Language code' }).fill(code);
    await dialog.getByRole('textbox', { name: 'Name learners see' }).fill(name);
    await dialog.getByRole('button', { name: 'Add captions' }).click();
    await expect(dialog).toHaveCount(0);
  }

  cues(trackName: string): Locator {
    return this.page.getByRole('list', { name: `${trackName} captions` }).getByRole('listitem');
  }

  cueText(time: string): Locator {
    return this.page.getByRole('textbox', { name: `Caption at ${time}` });
  }
}
