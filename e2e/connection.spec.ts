import { test, expect } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

test('a page whose studio was restarted says so, once, instead of retrying for ever', async ({ page, host }) => {
  const library = new LibraryPage(page);
  await library.goto(host.url);
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));

  await host.restart();
  const banner = page.getByRole('alert').filter({ hasText: 'Flipside Studio was restarted' });
  await expect(banner).toHaveText(
    'Flipside Studio was restarted, so this page is no longer connected to it. Reopen it from the new address the studio printed when it started.',
  );
  // It gave up: no new socket is tried once it knows, and an action answers with the same plain words.
  const tried = sockets.length;
  await page.waitForTimeout(3000);
  expect(sockets.length).toBe(tried);
  await page.getByRole('main').getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('After the restart');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Reopen it from the new address');

  // The new address works.
  await library.goto(host.url);
  await expect(banner).toBeHidden();
});
