import type { FrameLocator, Page } from '@playwright/test';

/** The test LMS's "register a tool by URL": the tool's registration page in a dialog frame, as Moodle shows it. */
export class LmsToolRegistrationPage {
  readonly tool: FrameLocator;

  constructor(
    readonly page: Page,
    private readonly platformOrigin: string,
  ) {
    this.tool = page.frameLocator('iframe[title="Tool registration"]');
  }

  /** The admin pastes the tool's registration URL and the LMS opens it with its configuration and token. */
  async open(registrationUrl: string): Promise<void> {
    await this.page.goto(
      `${this.platformOrigin}/admin/register?${new URLSearchParams({ url: registrationUrl }).toString()}`,
    );
  }

  /** The messages the LMS received that asked it to close the registration. */
  closeMessages(): Promise<unknown[]> {
    return this.page.evaluate(
      () => (globalThis as unknown as { registrationMessages: unknown[] }).registrationMessages,
    );
  }
}
