import { expect, type Locator, type Page } from '@playwright/test';

/** The recorder: preview on the left, choices and live controls on the right. */
export class RecorderPage {
  readonly panel: Locator;
  readonly clock: Locator;
  readonly screenPreview: Locator;
  readonly cameraPreview: Locator;
  readonly liveStatus: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('complementary', { name: 'Recording controls' });
    this.clock = page.getByRole('timer', { name: 'Recorded time' });
    this.screenPreview = page.getByRole('region', { name: 'Preview' }).getByLabel('Screen preview');
    this.liveStatus = this.panel.getByTestId('recording-state');
    this.cameraPreview = page.getByRole('region', { name: 'Preview' }).getByLabel('Camera preview');
  }

  async goto(hostUrl: string, lessonId: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/lesson/${lessonId}/record`);
    await expect(this.panel.getByRole('button', { name: 'Record', exact: true })).toBeVisible();
  }

  /**
   * Opens the lesson's recorder set for a take of `mode`: the mode chosen, the camera live where there is one, the
   * screen chosen, no countdown; one click on Record away from recording.
   */
  async readyToRecord(hostUrl: string, lessonId: string, mode: 'Screen + camera' | 'Screen'): Promise<void> {
    await this.goto(hostUrl, lessonId);
    await this.chooseMode(mode);
    if (mode === 'Screen + camera') await this.expectCameraLive();
    await this.chooseScreen();
    await this.setCountdown(false);
  }

  async chooseMode(mode: 'Screen + camera' | 'Screen' | 'Camera'): Promise<void> {
    await this.panel.getByRole('radio', { name: mode, exact: true }).click();
  }

  async setCountdown(on: boolean): Promise<void> {
    const toggle = this.panel.getByRole('switch', { name: '3-2-1 countdown before recording' });
    if ((await toggle.isChecked()) !== on) await toggle.click({ force: true });
    await expect(toggle).toBeChecked({ checked: on });
  }

  /** In the browser host the tab itself is shared (Chromium accepts it without a prompt under test flags). */
  async chooseScreen(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Choose screen…' }).click();
    await expect(this.screenPreview).toBeVisible();
    await expect(this.panel.getByRole('button', { name: 'Change…' })).toBeVisible();
  }

  async expectCameraLive(): Promise<void> {
    await expect(this.cameraPreview).toBeVisible();
    await expect
      .poll(() => this.cameraPreview.evaluate((video) => (video as unknown as { readyState: number }).readyState))
      .toBeGreaterThanOrEqual(2);
  }

  async record(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(this.liveStatus).toHaveText('Recording');
  }

  async pause(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Pause' }).click();
    await expect(this.liveStatus).toHaveText('Paused');
  }

  async resume(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Resume' }).click();
    await expect(this.liveStatus).toHaveText('Recording');
  }

  async stop(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Stop' }).click();
  }

  /**
   * Waits until the session has recorded `ms`, by its own clock rather than the test's: on a loaded machine wall time
   * and recorded time drift apart by the time each click takes to reach the page.
   */
  async recordUntil(ms: number): Promise<void> {
    await expect.poll(() => this.elapsedMs(), { timeout: ms + 30_000, intervals: [100] }).toBeGreaterThanOrEqual(ms);
  }

  /** While paused: the session's clock once it has stood still for a redraw (it redraws four times a second). */
  async frozenElapsedMs(): Promise<number> {
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await this.elapsedMs();
          const steady = now === last;
          last = now;
          return steady;
        },
        { intervals: [300] },
      )
      .toBe(true);
    return last;
  }

  /** The session's own recorded time, as the clock last drew it (it redraws four times a second). */
  async elapsedMs(): Promise<number> {
    return Number(await this.clock.getAttribute('data-elapsed-ms'));
  }
}
