import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { publishableLesson, publishOverRpc, unzip } from './lms/publishedLesson';
import { TestLms } from './lms/testLms';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { selfSignedCert } from './support/selfSignedCert';
import { serveStatic } from './support/staticServer';

const shots = process.env.PUBLISH_SHOTS;

test.use({ ignoreHTTPSErrors: true });

/**
 * LMSs that keep package files in an object store (Moodle with an object-store plugin, Canvas, most clouds) answer the
 * package's media/ with a redirect to another https origin. The package's CSP must allow it, and a video that cannot
 * load must say so rather than stay black.
 */
test('a package plays its video from the CDN an LMS redirects to, and says so when the video cannot load', async ({
  host,
  page,
}) => {
  const { lessonId, renderId } = await publishableLesson(host, 'Forces');
  const { file } = await publishOverRpc(host, lessonId, renderId, 'scorm2004');
  const dir = await unzip(file);
  const cdn = await serveStatic({ '/media': path.join(dir, 'media') }, undefined, selfSignedCert());
  const lms = await TestLms.start('2004', dir, cdn.origin);
  const gone = await serveStatic({}, undefined, selfSignedCert());
  const broken = await TestLms.start('2004', dir, gone.origin);
  try {
    await page.goto(lms.url);
    const lesson = new PublishedLessonPage(page);
    await expect
      .poll(() => lesson.media.evaluate((media) => (media as unknown as { readyState: number }).readyState))
      .toBeGreaterThanOrEqual(2);
    expect(await lesson.media.evaluate((media) => (media as unknown as { currentSrc: string }).currentSrc)).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/pkg\/media\//,
    );
    await expect(lesson.root.locator('.fs-media-error')).toBeHidden();
    await lesson.play();
    await lesson.waitUntilPast(1);

    await page.goto(broken.url);
    const failing = new PublishedLessonPage(page);
    const alert = failing.root.getByRole('alert');
    await expect(alert).toContainText('The video could not be loaded.');
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    if (shots) await page.screenshot({ path: path.join(shots, 'pub-media-error.png') });
  } finally {
    await Promise.all([lms.close(), broken.close(), cdn.close(), gone.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
