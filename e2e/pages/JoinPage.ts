import { expect, type Page } from '@playwright/test';
import { PublishedLessonPage } from './PublishedLessonPage';

/** A learner on the class server: the join form, then the lesson in the player. */
export class JoinPage {
  constructor(readonly page: Page) {}

  async join(lessonUrl: string, code: string, name: string): Promise<PublishedLessonPage> {
    await this.page.goto(lessonUrl);
    await this.page.getByRole('textbox', { name: 'Class code' }).fill(code);
    await this.page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await this.page.getByRole('button', { name: 'Start the lesson' }).click();
    const lesson = new PublishedLessonPage(this.page, false);
    await lesson.ready();
    // The session left the address bar once the player read it.
    await expect.poll(() => this.page.url()).not.toContain('#session=');
    return lesson;
  }
}
