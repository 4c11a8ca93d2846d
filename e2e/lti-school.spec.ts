import path from 'node:path';
import { test, expect } from './fixtures';
import { LtiCoursePage } from './pages/LtiCoursePage';
import { expectAccessible } from './support/axe';
import { SERVER_ENGINES, serveCommand, withServerDatabase } from './support/classServer';
import { lmsWithClassServer } from './support/testLms';
import { publishBytes } from '../src/server/testing/apiClient.testkit';
import { testPackageZip } from '../src/server/testing/testPackage.testkit';

const shots = process.env.LTI_SHOTS;
const bobInLms = { sub: 'lms-bob', name: 'Bob Teacher' };

for (const engine of SERVER_ENGINES) {
  test(`on a school-wide registration an instructor signs in once in the LMS frame, cookies blocked, and adds only their own lessons (${engine})`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    await withServerDatabase(engine, async (database) => {
      const setup = await lmsWithClassServer(['--school'], database);
      const { lms, tool, server, bobToken } = setup;
      try {
        await publishBytes(server.url, server.token, await testPackageZip({ title: 'Ada’s forces' }));
        await publishBytes(server.url, bobToken, await testPackageZip({ title: 'Bob’s optics' }));
        const page = await (await browser.newContext()).newPage();
        const bob = new LtiCoursePage(page, lms.origin, tool);

        await bob.addContent(bobInLms);
        const tokenField = bob.tool.getByLabel('Teacher token');
        await expect(tokenField).toBeVisible();
        // The frame is a third party: it can keep no cookie, so the sign-in cannot rest on one.
        expect(await bob.toolCookieProbe()).toBe('');
        await expect(bob.tool.getByText('Test LMS is registered for the whole school')).toBeVisible();
        await expectAccessible(page, 'Sign-in page of a school-wide registration in an LMS course page');
        if (shots) await page.screenshot({ path: path.join(shots, 'lti-school-sign-in.png') });

        await tokenField.fill('fst_wrong-token');
        await bob.tool.getByRole('button', { name: 'Sign in' }).click();
        await expect(bob.tool.getByRole('alert')).toContainText('This is not a valid teacher token, or it was revoked');

        await bob.tool.getByLabel('Teacher token').fill(bobToken);
        await bob.tool.getByRole('button', { name: 'Sign in' }).click();
        const optics = bob.tool.getByRole('checkbox', { name: /Bob’s optics/ });
        await expect(optics).toBeVisible();
        await expect(bob.tool.getByText('Ada’s forces')).toHaveCount(0);
        if (shots) await page.screenshot({ path: path.join(shots, 'lti-school-picker.png') });
        await optics.check();
        await bob.tool.getByRole('button', { name: 'Add to the course' }).click();
        await expect.poll(() => lms.services.links.size).toBe(1);
        expect([...lms.services.links.values()].map((link) => link.title)).toEqual(['Bob’s optics']);

        // Next time, straight to the lessons: the sign-in was kept on the server, for this LMS user.
        await bob.addContent(bobInLms);
        await expect(bob.tool.getByRole('checkbox', { name: /Bob’s optics/ })).toBeVisible();
        await expect(bob.tool.getByLabel('Teacher token')).toHaveCount(0);
        // The teacher sees the LMS user signed in as them (a CLI command: the embedded database wants the server off).
        await server.stop();
        expect(serveCommand(server.dataDir, ['teachers', 'links', '--email', 'bob@school.example'], database)).toMatch(
          /sub lms-bob\tBob Teacher\tsince \d{4}-\d\d-\d\d\tactive/,
        );
      } finally {
        await setup.close();
      }
    });
  });
}
