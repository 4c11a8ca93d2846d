import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson editor: preview, transport, side panel and timeline. */
export class EditorPage {
  readonly main: Locator;
  readonly timeline: Locator;
  readonly duration: Locator;
  readonly playhead: Locator;
  readonly video: Locator;
  /** The bar over the timeline: what is selected, and the button that does what Delete will do. */
  readonly selection: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main', { name: /^Edit/ });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.duration = page.getByTestId('lesson-duration');
    this.playhead = page.getByTestId('lesson-time');
    this.video = page.locator('video[data-role="screen"]');
    this.selection = page.getByTestId('selection');
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

  /** Clicks the timeline's ruler at a fraction of the lesson, as a teacher clicks inside a section. */
  async clickTimelineAt(fraction: number): Promise<void> {
    const content = this.page.getByTestId('timeline-content');
    const box = await content.boundingBox();
    if (!box) throw new Error('The timeline is not laid out');
    await content.click({ position: { x: box.width * fraction, y: 10 } });
  }

  /** Presses Tab from the timeline until `target` has focus, as a keyboard user reaches it (at most 40 presses). */
  async tabTo(target: Locator): Promise<void> {
    await this.timeline.focus();
    for (let presses = 0; presses < 40; presses += 1) {
      if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error('Tab never reached the control');
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

  /**
   * After adding a key moment: the dialog asks for its name with the suggested title selected, so typing replaces
   * it. With no title, the teacher keeps the suggestion.
   */
  async nameKeyMoment(title?: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Name the key moment' });
    const field = dialog.getByRole('textbox', { name: 'Title' });
    await expect(field).toBeFocused();
    await expect
      .poll(() =>
        field.evaluate((input) => {
          const { selectionStart, selectionEnd, value } = input as unknown as {
            selectionStart: number;
            selectionEnd: number;
            value: string;
          };
          return value.length > 0 && selectionStart === 0 && selectionEnd === value.length;
        }),
      )
      .toBe(true);
    if (title === undefined) {
      await dialog.getByRole('button', { name: 'Keep as is' }).click();
    } else {
      await this.page.keyboard.type(title);
      await this.page.keyboard.press('Enter');
    }
    await expect(dialog).toBeHidden();
  }

  async addCallout(kind: 'Text' | 'Arrow' | 'Highlight' | 'Blur'): Promise<void> {
    await this.press('Callout');
    await this.page.getByRole('menuitem', { name: kind }).click();
  }

  tab(name: 'Key moments' | 'Questions' | 'Callouts' | 'Notes' | 'Captions' | 'Camera'): Locator {
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
