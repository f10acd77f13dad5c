import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// One page of every type, checked by axe in light and in dark mode.
const PAGES = [
  '/',
  '/articles/',
  '/articles/partial-mobilization-encyclopedia/',
  // A report with one claim targeted: its quote filled in, the state whose contrast changes.
  '/articles/hidden-war-deaths/#kobak-request-refused',
  '/claims/',
  '/claims/gerashchenko-plan-to-draft-500000-700000/',
  '/sources/',
  '/sources/isw/',
  '/topics/',
  '/topics/war-losses/',
  '/timeline/',
  '/events/',
  '/events/september-2022-mobilization-decree/',
  '/figures/',
  '/figures/by-value/',
  '/search/?q=mobilization',
  '/about/',
  '/no-such-page/',
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const path of PAGES) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        // axe reads every text node of the longest reports: slow on a shared 2-core machine.
        test.setTimeout(90_000);
        await page.goto(path);
        if (path.includes('#'))
          await expect(page.locator(`mark.claim[id="${path.split('#')[1]}"]`)).toHaveCSS(
            'border-bottom-style',
            'solid',
          );
        // Every result shown (they arrive one by one; the list is busy until the last).
        if (path.startsWith('/search/'))
          await expect(page.locator('#results')).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
