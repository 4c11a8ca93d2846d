import { test, expect } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { ProjectPage } from './pages/ProjectPage';
import { rpc } from './support/rpc';

const ALGEBRA = 'Algebra I';
const ALGEBRA_RENAMED = 'Algebra I: Linear equations';
const DESCRIPTION = 'Year 9, spring term. Solving and graphing linear equations.';

test('a teacher builds a project, orders its lessons, uses the trash, and finds it all again after a restart', async ({
  page,
  host,
}) => {
  const library = new LibraryPage(page);
  const project = new ProjectPage(page);

  await library.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Start your first project' })).toBeVisible();

  // Create a project with a description: it opens straight away, ready for lessons.
  await library.createProject(ALGEBRA, DESCRIPTION);
  await project.expectOpen(ALGEBRA);
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add your first lesson' })).toBeVisible();

  for (const title of ['Variables', 'Solving for x', 'Graphing lines', 'Scratch notes']) await project.addLesson(title);
  await project.expectLessons(['Variables', 'Solving for x', 'Graphing lines', 'Scratch notes']);

  // Reorder with the keyboard, then with the menu.
  await project.moveWithKeyboard('Variables', 'down');
  await project.expectLessons(['Solving for x', 'Variables', 'Graphing lines', 'Scratch notes']);
  await expect(project.lesson('Variables')).toBeFocused();
  await project.chooseAction('Graphing lines', 'Move up');
  await project.expectLessons(['Solving for x', 'Graphing lines', 'Variables', 'Scratch notes']);

  await project.renameLesson('Graphing lines', 'Graphing linear equations');

  // Delete a lesson and undo: it comes back where it was.
  const toast = await project.deleteLesson('Solving for x');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await project.expectLessons(['Solving for x', 'Graphing linear equations', 'Variables', 'Scratch notes']);

  // Delete one for good (it stays in "Deleted lessons" until the trash is emptied).
  await project.deleteLesson('Scratch notes');
  await page.getByRole('button', { name: 'Deleted lessons (1)' }).click();
  await expect(page.getByRole('list', { name: 'Deleted lessons' })).toContainText('Scratch notes');

  await project.renameProject(ALGEBRA_RENAMED);
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
  await project.backToLibrary();

  await library.createProject('Cell biology');
  await project.expectOpen('Cell biology');
  await project.backToLibrary();
  await expect(library.row(ALGEBRA_RENAMED)).toContainText('3 lessons');
  await expect(library.row(ALGEBRA_RENAMED)).toContainText(DESCRIPTION);

  // Rename from the library's menu.
  await library.rename('Cell biology', 'Cell biology: mitosis');

  // Search by title, by a lesson title, and for nothing.
  await library.searchFor('mitosis');
  await expect(library.titles()).toHaveText(['Cell biology: mitosis']);
  await library.searchFor('graphing linear');
  await expect(library.titles()).toHaveText([ALGEBRA_RENAMED]);
  await library.searchFor('photosynthesis');
  await expect(library.noResults('photosynthesis')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).last().click();
  await expect(library.titles()).toHaveCount(2);

  // Sort by title.
  await page.getByRole('button', { name: /Sort by/ }).click();
  await page.getByRole('option', { name: 'Title' }).click();
  await expect(library.titles()).toHaveText([ALGEBRA_RENAMED, 'Cell biology: mitosis']);

  // Move to trash, then restore from the Trash view.
  await library.chooseAction('Cell biology: mitosis', 'Move to trash');
  await expect(library.toast('“Cell biology: mitosis” moved to trash')).toBeVisible();
  await expect(library.row('Cell biology: mitosis')).toBeHidden();
  await library.showTrash();
  await expect(library.trashRow('Cell biology: mitosis')).toBeVisible();
  await library.restore('Cell biology: mitosis');
  await library.showProjects();
  await expect(library.row('Cell biology: mitosis')).toBeVisible();

  // Trash it again and empty the trash: the question says what goes.
  await library.chooseAction('Cell biology: mitosis', 'Move to trash');
  await expect(library.row('Cell biology: mitosis')).toBeHidden();
  await library.showTrash();
  await library.emptyTrash('Delete 1 project and 1 lesson forever? This cannot be undone.');
  await expect(page.getByRole('radio', { name: /^Trash/ })).toContainText('0');

  // Everything persisted: reload on the project's own address, then restart the host.
  await library.showProjects();
  await expect(library.titles()).toHaveText([ALGEBRA_RENAMED]);
  await library.open(ALGEBRA_RENAMED);
  await project.expectOpen(ALGEBRA_RENAMED);
  const projectHash = new URL(page.url()).hash;
  await page.reload();
  await project.expectOpen(ALGEBRA_RENAMED);
  await project.expectLessons(['Solving for x', 'Graphing linear equations', 'Variables']);
  await expect(page.getByRole('button', { name: /Deleted lessons/ })).toBeHidden();

  await host.restart();
  await page.goto(host.url + projectHash);
  await project.expectOpen(ALGEBRA_RENAMED);
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
  await project.expectLessons(['Solving for x', 'Graphing linear equations', 'Variables']);
  await project.backToLibrary();
  await expect(library.titles()).toHaveText([ALGEBRA_RENAMED]);
  await expect(library.row(ALGEBRA_RENAMED)).toContainText('3 lessons');
});

test('a project title is required, and the reason shows next to the field', async ({ page, host }) => {
  const library = new LibraryPage(page);
  await library.goto(host.url);
  await page.getByRole('main').getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog.getByText('A title is required')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
});

test('a library of 1,000 projects shows a screenful, loads more as the teacher scrolls, searches and opens by keyboard', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const count = 1000;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      await rpc(host, 'app:projects.create', { title: `Unit ${String(n).padStart(4, '0')}`, description: `Week ${n}` });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  // A title carrying a right-to-left override, as pasted from a crafted file name: stored and shown without it.
  await rpc(host, 'app:projects.create', { title: 'Grades\u202E fdp.exe', description: 'Spoof' });

  const library = new LibraryPage(page);
  await library.goto(host.url);
  await expect(page.getByRole('status').filter({ hasText: /projects$/ })).toHaveText('1,001 projects');
  const rows = library.projects.locator('[data-project-id]');
  await expect(rows.first()).toBeVisible();
  // Only the rows in view (and a few around them) are in the page, not a thousand.
  expect(await rows.count()).toBeLessThan(40);
  const spoof = library.row('Grades fdp.exe');
  await expect(spoof).toBeVisible();
  // The title sits in a <bdi>, so its right-to-left override cannot reorder the text around it.
  const spoofTitle = spoof.getByTestId('project-title');
  await expect(spoofTitle).toHaveText('Grades fdp.exe');
  await expect(spoofTitle).toHaveJSProperty('tagName', 'BDI');

  // The keyboard walks the list; End reaches the last loaded row and more load as it nears the end.
  await spoof.focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  for (let press = 0; press < 3; press += 1) await page.keyboard.press('End');
  await expect
    .poll(async () => Number(await page.locator('[data-project-id]').last().getAttribute('aria-rowindex')))
    .toBeGreaterThan(100);
  await page.screenshot({ path: test.info().outputPath('library-1000.png') });

  // Search narrows on the server; Enter opens the project.
  await library.searchFor('unit 0427');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 project matches “unit 0427”');
  await expect(rows).toHaveCount(1);
  await library.row('Unit 0427').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Unit 0427' })).toBeVisible();
});
