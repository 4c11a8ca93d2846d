import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';

/** A course page of the test LMS with the tool in its iframe (title "Lesson"), as a learner or instructor sees it. */
export class LtiCoursePage {
  readonly tool: FrameLocator;

  constructor(
    readonly page: Page,
    private readonly platformOrigin: string,
    private readonly toolOrigin: string,
  ) {
    this.tool = page.frameLocator('iframe[title="Lesson"]');
  }

  async open(
    role: 'learner' | 'instructor',
    user: { sub: string; name: string },
    lessonUrl: string,
    storage = true,
  ): Promise<void> {
    const query = new URLSearchParams({ ...user, target: lessonUrl, storage: storage ? 'on' : 'off' });
    await this.page.goto(`${this.platformOrigin}/course/${role}?${query.toString()}`);
  }

  /** The instructor's "add content" (deep linking) from the course. */
  async addContent(user: { sub: string; name: string }): Promise<void> {
    const query = new URLSearchParams(user);
    await this.page.goto(`${this.platformOrigin}/course/add-content?${query.toString()}`);
  }

  /** A learner opens a link the course has (one added through deep linking), by its resource link id. */
  async openLink(user: { sub: string; name: string }, resourceLinkId: string): Promise<void> {
    const query = new URLSearchParams(user);
    query.set('link', resourceLinkId);
    await this.page.goto(`${this.platformOrigin}/course/learner?${query.toString()}`);
  }

  /** The tool's frame, once it is on the tool's site. */
  async toolFrame(): Promise<Frame> {
    await expect.poll(() => this.page.frames().some((frame) => frame.url().startsWith(this.toolOrigin))).toBe(true);
    const frame = this.page.frames().find((candidate) => candidate.url().startsWith(this.toolOrigin));
    if (!frame) throw new Error('the tool frame went away');
    return frame;
  }

  /** What the tool's frame can do with cookies: nothing, when the browser treats it as a third party. */
  async toolCookieProbe(): Promise<string> {
    const frame = await this.toolFrame();
    return frame.evaluate(() => {
      const doc = (globalThis as unknown as { document: { cookie: string } }).document;
      doc.cookie = 'probe=1; SameSite=None; Secure; Path=/';
      return doc.cookie;
    });
  }

  /** The platform storage messages the course page received from the tool, in order. */
  storageLog(): Promise<{ origin: string; subject: string }[]> {
    return this.page.evaluate(
      () => (globalThis as unknown as { platformStorageLog: { origin: string; subject: string }[] }).platformStorageLog,
    );
  }
}
