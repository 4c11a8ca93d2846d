import path from 'node:path';
import { test, expect } from './fixtures';
import { LmsToolRegistrationPage } from './pages/LmsToolRegistrationPage';
import { LtiCoursePage } from './pages/LtiCoursePage';
import { expectAccessible } from './support/axe';
import { SERVER_ENGINES, startClassServer, withServerDatabase } from './support/classServer';
import { rpc } from './support/rpc';
import { startUnregisteredTestLms } from './support/testLms';
import { publishBytes } from '../src/server/testing/apiClient.testkit';
import { testPackageZip } from '../src/server/testing/testPackage.testkit';

const shots = process.env.LTI_SHOTS;

// The whole chain on both databases the server runs on, as issue 16's "done when" asks of it.
for (const engine of SERVER_ENGINES) {
  test(`a teacher makes a link in the studio, their LMS admin pastes it and confirms in the LMS’s dialog, and the LMS launches the teacher’s lessons (${engine})`, async ({
    host,
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await withServerDatabase(engine, async (database) => {
      const { lms, port, tool } = await startUnregisteredTestLms();
      const server = await startClassServer(database, 1, { port, publicHost: 'localhost' });
      try {
        const lesson = await publishBytes(server.url, server.token, await testPackageZip({ title: 'Forces' }));

        // The teacher, in the studio connected to the server: Settings make the link for the school's LMS.
        await rpc(host, 'app:classroom.connect', { url: `http://127.0.0.1:${port}`, token: server.token });
        await page.goto(host.url);
        await page.getByRole('button', { name: 'Settings' }).click();
        const settings = page.getByRole('dialog', { name: 'Settings' });
        await settings.getByRole('button', { name: 'Make a link for your LMS' }).click();
        const link = settings.getByTestId('lms-link');
        await expect(link).toHaveText(new RegExp(`^${tool}/lti/register\\?invite=fsi_[\\w-]{43}$`));
        const invite = (await link.textContent()) ?? '';
        await expect(settings.getByRole('button', { name: 'Copy the link for your LMS' })).toBeVisible();
        if (shots) await page.screenshot({ path: path.join(shots, 'lti-registration-studio.png') });
        await expectAccessible(page, 'Settings, with the link for the LMS');

        // The admin, in the LMS's tool registration dialog: the tool's page in a frame on another site.
        const admin = new LmsToolRegistrationPage(await (await browser.newContext()).newPage(), lms.origin);
        await admin.open(invite);
        const platform = `Moodle at ${new URL(lms.origin).host}`;
        await expect(
          admin.tool.getByRole('heading', { level: 1, name: `Register Flipside class server with ${platform}` }),
        ).toBeVisible();
        await expect(admin.tool.getByText('for ada@school.example')).toBeVisible();
        if (shots) await admin.page.screenshot({ path: path.join(shots, 'lti-registration-confirm.png') });
        await expectAccessible(admin.page, 'the registration confirmation in the LMS’s dialog');
        // Keyboard only: Register is the first control of the page.
        await admin.tool.getByRole('button', { name: 'Register' }).focus();
        await admin.page.keyboard.press('Enter');
        await expect(admin.tool.getByRole('status')).toHaveText(
          `${platform} can now launch ada@school.example’s lessons.`,
        );
        if (shots) await admin.page.screenshot({ path: path.join(shots, 'lti-registration-done.png') });
        await expectAccessible(admin.page, 'the registration done page in the LMS’s dialog');
        expect(await admin.closeMessages()).toEqual([]);
        await admin.tool.getByRole('button', { name: 'Done' }).click();
        await expect(admin.page.getByRole('status')).toHaveText('Tool registration closed');
        expect(await admin.closeMessages()).toEqual([{ subject: 'org.imsglobal.lti.close' }]);
        expect(lms.registration.registrations).toHaveLength(1);

        // A learner opens the lesson from a course of that LMS: the launch goes through the new registration.
        const learner = new LtiCoursePage(await (await browser.newContext()).newPage(), lms.origin, tool);
        await learner.open('learner', { sub: 'lms-user-17', name: 'Sam Lee' }, lesson.lesson.url);
        await expect
          .poll(async () => (await learner.toolFrame()).url())
          .toMatch(new RegExp(`^${tool}/l/[a-z0-9]{10}/v/1/index\\.html#session=`));

        // An instructor's "add content" offers the lessons of the teacher the link was made for.
        const instructor = new LtiCoursePage(await (await browser.newContext()).newPage(), lms.origin, tool);
        await instructor.addContent({ sub: 'lms-user-1', name: 'Ada Teacher' });
        await expect(instructor.tool.getByRole('checkbox', { name: /Forces/ })).toBeVisible();
      } finally {
        await server.stop();
        server.remove();
        await lms.close();
      }
    });
  });
}
