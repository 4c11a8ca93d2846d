import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** What stops a teacher who uses a screen reader or the keyboard; minor and moderate findings are listed, not failed. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA, and axe's best practices) over what the page shows now, a screen or a screen with
 * a dialog open, and fails on any serious or critical violation, naming the rule, the elements and what is wrong.
 * Lesser findings go into the test's annotations, so a report shows them. `where` names the screen in the failure:
 * `await expectAccessible(page, 'the editor, Callouts tab')`. Call it once per screen and per dialog.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // React Aria's announcer reads a closed dialog's title by pointing a hidden role="img" at it after the title is
    // gone; it is spoken once and never shown, so it is not part of any screen.
    .exclude('[data-live-announcer]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }));
  for (const finding of found.filter((item) => !BLOCKING.has(item.impact)))
    test
      .info()
      .annotations.push({ type: `axe ${finding.impact}`, description: `${where}: ${finding.rule} (${finding.help})` });
  expect
    .soft(
      found.filter((item) => BLOCKING.has(item.impact)),
      `accessibility of ${where}`,
    )
    .toEqual([]);
}

/**
 * The rules among `rules` that axe-core finds broken on what the page shows now, whatever their impact: for a check
 * that must hold even where axe rates it moderate (`['landmark-no-duplicate-banner', 'landmark-unique']`).
 */
export async function brokenRules(page: Page, rules: readonly string[]): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .exclude('[data-live-announcer]')
    .withRules([...rules])
    .analyze();
  return results.violations.map((violation) => violation.id);
}
