import { expect, type Locator, type Page } from '@playwright/test';

export type QuestionTypeLabel = 'One answer' | 'Several answers' | 'True or false' | 'Short answer' | 'Number';

/** The question editor dialog, opened from the editor with Q, the "Question" button, or a question's edit button. */
export class QuestionEditor {
  readonly dialog: Locator;
  readonly prompt: Locator;
  readonly preview: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(New|Edit) question$/ });
    this.prompt = this.dialog.getByRole('textbox', { name: 'Question' });
    this.preview = this.dialog.getByTestId('prompt-preview');
    this.save = this.dialog.getByRole('button', { name: /^(Add|Save) question$/ });
  }

  async expectOpen(): Promise<void> {
    await expect(this.dialog).toBeVisible();
  }

  /** React Aria's radios are labels over a hidden input, so the label is what a teacher clicks. */
  async chooseType(type: QuestionTypeLabel): Promise<void> {
    await this.dialog.getByRole('radiogroup', { name: 'Type' }).getByText(type, { exact: true }).click();
    await expect(this.dialog.getByRole('radio', { name: type, exact: true })).toBeChecked();
  }

  async writePrompt(text: string): Promise<void> {
    await this.prompt.fill(text);
  }

  /** A field by its label; optional fields' labels end in "(optional)". */
  field(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.dialog.getByRole('textbox', { name: new RegExp(`^${escaped}( \\(optional\\))?$`) });
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async markCorrect(choice: number): Promise<void> {
    await this.dialog.getByRole('radio', { name: `Choice ${choice} is the right answer` }).check();
  }

  async trueOrFalse(answer: 'True' | 'False'): Promise<void> {
    await this.dialog.getByRole('radiogroup', { name: 'The statement is' }).getByText(answer, { exact: true }).click();
  }

  /** Saves and waits for the dialog to close. */
  async submit(): Promise<void> {
    await expect(this.save).toBeEnabled();
    await this.save.click();
    await expect(this.dialog).toBeHidden();
  }
}
