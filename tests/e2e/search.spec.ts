import { expect, test, type Page, type Route } from '@playwright/test';
import { claims, claimsBy, firstPage, reportCount } from './data';

/**
 * Waits until the page of results on screen is complete: results are appended report by report as
 * their fragments arrive, and the list is busy until the page is full or the results run out.
 */
const settled = (page: Page): Promise<void> => expect(page.locator('#results')).toHaveAttribute('aria-busy', 'false');

test('the header search box leads to the search page with the query', async ({ page }) => {
  // A word the corpus has: the last word of the first named claimant's name.
  const word = claims
    .find((c) => c.claimant.id !== 'the-report')!
    .claimant.name.split(' ')
    .at(-1)!;
  await page.goto('/timeline/');
  await page.getByRole('searchbox', { name: 'Search claims and reports' }).first().fill(word);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search/\\?q=${encodeURIComponent(word)}$`));
  await expect(page.locator('#results > li').first()).toBeVisible();
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzzxqv');
  await expect(page.locator('#search-status')).toHaveText(
    'No results for “zzzxqv”. Try other words, or fewer filters.',
  );
});

test('a long filter list shows the commonest values, re-lists them for the results, and always lists a value chosen in the URL', async ({
  page,
}) => {
  await page.goto('/search/');
  // Nothing asked yet: no results, and no button for more of them.
  await expect(page.getByRole('button', { name: 'Show more results' })).toBeHidden();
  const claimants = page.locator('details[data-facet="claimant"]');
  // The 30 commonest claimants are listed before any search; the rest are counted.
  const all = new Set(claims.map((c) => c.claimant.name)).size;
  expect(all, 'a long list: more claimants than are listed at first').toBeGreaterThan(30);
  await expect(claimants.locator('li')).toHaveCount(30);
  await expect(claimants.locator('.facet-more')).toHaveText(`${all - 30} more: narrow the search to list them.`);
  const initial = await claimants.locator('li').allTextContents();
  const listed = initial.map((t) => /^(.*) \(\d+\)$/.exec(t.trim())![1]!);

  // With the panel open, a search lists just the claimants in its results, each counted in
  // reports: the named source whose claims are in the most reports (more than one).
  const names = [...new Set(claims.filter((c) => c.claimant.id !== 'the-report').map((c) => c.claimant.name))];
  const widest = names
    .map((name) => ({ name, reports: reportCount(claimsBy(name)) }))
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name))[0]!;
  expect(widest.reports).toBeGreaterThan(1);
  // Searched by the longest word of the name (a name's "of" or "the" would match every report).
  const word = widest.name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
  await claimants.locator('summary').click();
  await page.getByLabel('Words or phrase').fill(word);
  await expect(page.locator('#search-status')).toContainText(`“${word}”`);
  await settled(page);
  await expect(claimants.locator('li', { hasText: `${widest.name} (` })).toHaveText(
    `${widest.name} (${widest.reports})`,
  );
  const relisted = await claimants.locator('li').allTextContents();
  expect(relisted.length).toBeLessThanOrEqual(30);
  expect(relisted).not.toEqual(initial);
  const counts = await claimants.locator('.count').allTextContents();
  expect(counts.every((c) => /^\([1-9]\d*\)$/.test(c))).toBe(true);

  // A claimant not among the 30 listed at first can still be chosen by a link.
  const unlisted = names.find((n) => !listed.includes(n))!;
  await page.goto(`/search/?claimant=${encodeURIComponent(unlisted).replace(/%20/g, '+')}`);
  await expect(page.getByLabel(new RegExp(`^${unlisted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`))).toBeChecked();
  await settled(page);
  await expect(page.locator('#results > li')).toHaveCount(firstPage(claimsBy(unlisted).length));
  await expect(page.locator('#results .muted').first()).toContainText(unlisted);
});

test('results come ten at a time, with a button for more', async ({ page }) => {
  await page.goto('/search/?q=mobilization');
  const more = page.getByRole('button', { name: 'Show more results' });
  await expect(page.locator('#results > li')).toHaveCount(10);
  await more.click();
  await expect.poll(async () => page.locator('#results > li').count()).toBeGreaterThan(10);
});

test('results can be ordered by date, oldest or newest first, and the order is in the URL', async ({ page }) => {
  // One reading of the list, summarised: every poll judges a single snapshot, never an expected
  // value computed earlier from a list that was still being re-rendered.
  const order = async (direction: 1 | -1): Promise<{ count: number; first: number | undefined; inOrder: boolean }> => {
    const years = (await page.locator('#results .kind').allTextContents()).map((t) =>
      Number(/(\d{4})\s*$/.exec(t)?.[1] ?? /(\d{4})/.exec(t)![1]),
    );
    return {
      count: years.length,
      first: years[0],
      inOrder: years.every((y, i) => i === 0 || (y - years[i - 1]!) * direction >= 0),
    };
  };
  await page.goto('/search/?q=mobilization');
  await expect(page.locator('#results > li')).toHaveCount(10);
  // The list is busy from the change until the re-ordered page is complete, so a settled list is
  // the new order, never the previous one (whose first ten may happen to share a year).
  await page.getByLabel('Order').selectOption('date-asc');
  await expect(page).toHaveURL(/\?q=mobilization&sort=date-asc$/);
  await settled(page);
  // Oldest first, then newest first: each page in order, the newest first page starting later than the oldest.
  await expect.poll(() => order(1)).toMatchObject({ count: 10, inOrder: true });
  const oldest = (await order(1)).first!;
  await page.getByLabel('Order').selectOption('date-desc');
  await expect(page).toHaveURL(/sort=date-desc$/);
  await settled(page);
  await expect
    .poll(async () => {
      const now = await order(-1);
      return { ...now, later: now.first! > oldest };
    })
    .toMatchObject({ count: 10, inOrder: true, later: true });
});

test('results are shown as their fragments arrive, in rank order, without waiting for the rest, and announced once', async ({
  page,
  context,
}) => {
  // The ranked list as a search shows it when nothing is held back.
  await page.goto('/search/?q=mobilization');
  await settled(page);
  const ranked = await page
    .locator('#results a.result-title')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(ranked).toHaveLength(10);

  // Hold back every report's fragment (the words and filters still load).
  // Until `holding` is cleared, every fragment request waits in `held`; after, they go through.
  // Each request also notes whether the first one asked for had been answered by then.
  const held: Route[] = [];
  let holding = true;
  let firstAnswered = false;
  const beforeFirstAnswered: string[] = [];
  await context.route('**/pagefind/fragment/**', (route) => {
    if (held.length > 0 && !firstAnswered) beforeFirstAnswered.push(route.request().url());
    void (holding ? held.push(route) : route.continue());
  });
  await page.goto('/search/?q=mobilization');
  const list = page.locator('#results');
  const status = page.locator('#search-status');
  await expect(status).toHaveText(/^\d+ reports match “mobilization”; each is listed with its matching claims\.$/);
  // Nothing shown yet, and the list says it is busy.
  await expect(list).toHaveAttribute('aria-busy', 'true');
  await expect(list.locator('> li')).toHaveCount(0);
  // The results list is not a live region: only the status line speaks, and it has spoken.
  await expect(list).not.toHaveAttribute('aria-live');
  await page.evaluate(() => {
    const w = window as unknown as { statusChanges: number };
    w.statusChanges = 0;
    new MutationObserver(() => w.statusChanges++).observe(document.getElementById('search-status')!, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  // The first report's fragment is asked for alone (ten at once were unzipped on the page's thread
  // in whatever order they came back, and the first result waited for most of them); the rest of
  // the page's ten once it has arrived, several at once.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  firstAnswered = true;
  await held.shift()!.continue();
  await expect.poll(() => held.length).toBeGreaterThan(1);
  expect(beforeFirstAnswered).toEqual([]);
  const hrefs = (): Promise<(string | null)[]> =>
    list.locator('a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

  // Every fragment but the last asked for arrives: results are shown, the ranking's first ones,
  // without waiting for that last fragment.
  holding = false;
  const last = held.pop()!;
  for (const route of held.splice(0)) await route.continue();
  await expect
    .poll(async () => {
      const shown = await hrefs();
      return shown.length > 0 && shown.every((h, i) => h === ranked[i]);
    })
    .toBe(true);

  // The last one arrives: the page is the ranking's ten, and the status line said nothing more.
  await last.continue();
  await settled(page);
  expect(await hrefs()).toEqual(ranked);
  expect(await page.evaluate(() => (window as unknown as { statusChanges: number }).statusChanges)).toBe(0);
});

test('in date order, claims of different reports interleave as their dates do, across pages', async ({ page }) => {
  // Every figure, page after page: the real reports' figures do not come report by report (e.g.
  // September 2022 from one report, October 2022 from another, then the first again).
  const figures = claims.filter((c) => c.kind === 'figure').length;
  expect(figures).toBeGreaterThan(10);
  await page.goto('/search/?kind=figure&sort=date-asc');
  await settled(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  while ((await page.locator('#results > li').count()) < figures) {
    await more.click();
    await settled(page);
  }
  await expect(page.locator('#results > li')).toHaveCount(figures);
  await expect(more).toBeHidden();
  const reports = await page
    .locator('#results p.muted a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]));
  // Interleaved: some report comes back after another report's figure.
  expect(
    reports.some((r, i) => reports.slice(i + 1).some((s, j) => s !== r && reports.slice(i + 2 + j).includes(r!))),
  ).toBe(true);
  const kinds = await page.locator('#results .kind').allTextContents();
  expect(kinds.every((k) => k.startsWith('Claim · figure · '))).toBe(true);
  // Filed under the earliest day a date can be: the first year named ("October 2022 – 2023").
  const years = kinds.map((k) => Number(/(\d{4})/.exec(k.split(' · ')[2]!)![1]));
  expect(years).toEqual([...years].sort((a, b) => a - b));
});
