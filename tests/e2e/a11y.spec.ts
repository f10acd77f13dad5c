import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { articles, claims, events } from './data';

// One page of every type, checked by axe in light and in dark mode; the report, claim, source,
// topic and event picked from the build's exports.
const path = (url: string): string => new URL(url).pathname + new URL(url).hash;
const figure = claims.find((c) => c.figures.length > 0) ?? claims[0]!;
const sourced = claims.find((c) => c.claimant.id !== 'the-report') ?? claims[0]!;
const PAGES = [
  '/',
  '/articles/',
  path(articles[0]!.url),
  // A report with one claim targeted: its quote filled in, the state whose contrast changes.
  path(claims.at(-1)!.article.anchorUrl),
  '/claims/',
  path(figure.url),
  '/sources/',
  path(sourced.claimant.url),
  '/topics/',
  path(figure.topics[0]!.url),
  // A topic a report is filed under (a claim's topic may have none, and then no such list).
  `${path(articles[0]!.topics[0]!.url)}reports/`,
  '/timeline/',
  '/events/',
  ...events.slice(0, 1).map((e) => path(e.url)),
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
