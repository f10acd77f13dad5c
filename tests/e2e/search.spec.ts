import { expect, test, type Page, type Route } from '@playwright/test';

/**
 * Waits until every result of the page on screen is filled: results are shown one by one as their
 * fragments arrive, in placeholders marked busy, and the list is busy until the last is filled.
 */
const settled = (page: Page): Promise<void> => expect(page.locator('#results')).toHaveAttribute('aria-busy', 'false');

test('typing a word from a report finds that report', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel('Words or phrase').fill('Kulibin');
  const results = page.locator('#results > li');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('#results')).toContainText('Putin steps up crypto-mobilization amid falling public support for war');
  // The report's result points at the claim anchored where the word occurs.
  const report = page.locator('#results > li').filter({ has: page.locator('.kind', { hasText: /^Report · 7 July 2025$/ }) });
  const near = report.locator('a[href="/articles/crypto-mobilization-popular-front/#kulibin-club-drones"]');
  await expect(near).toBeVisible();
  await near.click();
  await expect(page.locator('mark#kulibin-club-drones')).toBeInViewport();
});

test('the header search box leads to the search page with the query', async ({ page }) => {
  await page.goto('/timeline/');
  await page.getByRole('searchbox', { name: 'Search claims and reports' }).first().fill('Slabunova');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Slabunova$/);
  await expect(page.locator('#results > li').first()).toBeVisible();
});

test('"Rosstat" lists the mortality-data claims of both 2025 reports; a topic narrows it; a result leads to the claim', async ({ page }) => {
  await page.goto('/search/?q=Rosstat');
  const list = page.locator('#results');
  await expect(list.locator('> li').first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('results for “Rosstat”');
  await settled(page);
  const hrefs = await list.locator('a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('/claims/meduza-rosstat-stopped-mortality-data/');
  expect(hrefs).toContain('/claims/rosstat-ceased-reporting-deaths/');
  const before = hrefs.length;

  // The topic filter is open from the start; the others are collapsed.
  await page.getByLabel(/^Mortality statistics and demographic data/).check();
  await expect(page).toHaveURL(/topic=Mortality\+statistics\+and\+demographic\+data/);
  // Wait for the filtered results themselves: the status names the topic once they have been
  // searched (in the same step as their placeholders replace the old list), then every
  // placeholder is filled; the unfiltered list must not pass for them.
  await expect(page.locator('#search-status')).toContainText('Mortality statistics and demographic data');
  await settled(page);
  const after = await list.locator('a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(after.length).toBeGreaterThan(0);
  expect(after.length).toBeLessThanOrEqual(before);
  expect(after.every((h) => h?.startsWith('/claims/') || h?.startsWith('/articles/'))).toBe(true);

  await page
    .getByRole('link', { name: /^in “Putin steps up crypto-mobilization/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/articles\/crypto-mobilization-popular-front\/#/);
  const id = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`mark[id="${id}"]`)).toBeInViewport();
});

test('/search/?q=Peskov shows results without typing; filters update the URL; Back restores', async ({ page }) => {
  await page.goto('/search/?q=Peskov');
  await expect(page.getByLabel('Words or phrase')).toHaveValue('Peskov');
  await expect(page.locator('#results > li').first()).toBeVisible();
  await page.locator('summary', { hasText: 'Kind' }).click();
  // The counts are those of the current results: as many denials as the filter then lists.
  const label = page.locator('label', { hasText: /^denial \(/ });
  await expect(label).not.toHaveText('denial (0)');
  const count = Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThan(0);
  await page.getByLabel(/^denial \(/).check();
  await expect(page.locator('#results > li')).toHaveCount(count);
  await expect(page).toHaveURL(/\?q=Peskov&kind=denial$/);
  await expect(page.locator('#results .kind').first()).toHaveText(/^Claim · denial · (about )?\w/);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=Peskov$/);
  await expect(page.getByLabel(/^denial \(/)).not.toBeChecked();
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzzxqv');
  await expect(page.locator('#search-status')).toHaveText('No results for “zzzxqv”. Try other words, or fewer filters.');
});

test('topic and source pages link to the pre-filtered search', async ({ page }) => {
  await page.goto('/topics/second-wave/');
  await page.getByRole('link', { name: 'Search within this topic' }).click();
  await expect(page).toHaveURL(/\/search\/\?topic=Rumours\+of\+a\+second\+wave$/);
  await expect(page.getByLabel(/^Rumours of a second wave/)).toBeChecked();
  await expect(page.locator('#results > li').first()).toBeVisible();
  await page.goto('/sources/dmitry-peskov/');
  await page.getByRole('link', { name: 'Search claims by Dmitry Peskov' }).click();
  await expect(page.locator('#results > li')).toHaveCount(4);
});

test('a search downloads the counts of the open filter panels only; opening another fetches its counts and keeps the results', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/filter/')) filterFiles.push(r.url());
  });
  await page.goto('/search/?q=Peskov');
  await settled(page);
  const results = await page.locator('#results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // Only the Topic panel is open: one filter index of the five.
  expect(filterFiles).toHaveLength(1);
  await expect(page.locator('details[data-facet="topic"] label', { hasText: /^Kremlin statements and denials \(/ })).not.toHaveText(/\(0\)$/);

  await page.locator('summary', { hasText: 'Kind' }).click();
  await expect(page.locator('details[data-facet="kind"] label', { hasText: /^denial \(/ })).not.toHaveText('denial (0)');
  expect(filterFiles).toHaveLength(2);
  // Polled: were the results re-rendered, a single read could catch the list while it is empty.
  await expect.poll(async () => page.locator('#results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(results);
});

test('a long filter list shows the commonest values, re-lists them for the results, and always lists a value chosen in the URL', async ({ page }) => {
  await page.goto('/search/');
  // Nothing asked yet: no results, and no button for more of them.
  await expect(page.getByRole('button', { name: 'Show more results' })).toBeHidden();
  const claimants = page.locator('details[data-facet="claimant"]');
  // 41 claimants (distinct `claimant:` values in content/claims): the 30 commonest are listed before any search.
  await expect(claimants.locator('li')).toHaveCount(30);
  await expect(claimants.locator('.facet-more')).toHaveText('11 more: narrow the search to list them.');

  // With the panel open, a search lists just the claimants in its results, each counted.
  await claimants.locator('summary').click();
  await page.getByLabel('Words or phrase').fill('Peskov');
  await expect(claimants.locator('li').first()).toHaveText('Dmitry Peskov (4)');
  const counts = await claimants.locator('.count').allTextContents();
  expect(counts.length).toBeLessThan(30);
  expect(counts.every((c) => /^\([1-9]\d*\)$/.test(c))).toBe(true);

  // Oleksiy Danilov (one claim) is not among the 30 listed at first, but a link can choose him.
  await page.goto('/search/?claimant=Oleksiy+Danilov');
  await expect(page.getByLabel(/^Oleksiy Danilov/)).toBeChecked();
  await expect(page.locator('#results > li')).toHaveCount(1);
  await expect(page.locator('#results .muted').first()).toContainText('Oleksiy Danilov');
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
    const years = (await page.locator('#results .kind').allTextContents()).map((t) => Number(/(\d{4})\s*$/.exec(t)?.[1] ?? /(\d{4})/.exec(t)![1]));
    return { count: years.length, first: years[0], inOrder: years.every((y, i) => i === 0 || (y - years[i - 1]!) * direction >= 0) };
  };
  await page.goto('/search/?q=mobilization');
  await expect(page.locator('#results > li')).toHaveCount(10);
  await page.getByLabel('Order').selectOption('date-asc');
  await expect(page).toHaveURL(/\?q=mobilization&sort=date-asc$/);
  await expect.poll(() => order(1)).toEqual({ count: 10, first: 2011, inOrder: true });
  await page.getByLabel('Order').selectOption('date-desc');
  await expect(page).toHaveURL(/sort=date-desc$/);
  await expect.poll(() => order(-1)).toEqual({ count: 10, first: 2025, inOrder: true });
});

test('a match in what a claim says or who said it ranks above a passing mention in a report', async ({ page }) => {
  for (const [q, claimant] of [
    ['Peskov', 'Dmitry Peskov'],
    ['Kobak', 'Dmitry Kobak'],
    ['Slabunova', 'Emilia Slabunova'],
  ]) {
    await page.goto(`/search/?q=${q}`);
    await settled(page);
    const kinds = (await page.locator('#results .kind').allTextContents()).map((t) => (t.startsWith('Report') ? 'report' : 'claim'));
    expect(kinds, q).toContain('report');
    expect(kinds.indexOf('report'), q).toBe(kinds.lastIndexOf('claim') + 1);
    await expect(page.locator('#results > li').first().locator('.muted')).toContainText(`${claimant} · in`);
  }
});

test('results are shown as their fragments arrive, in rank order, without waiting for all ten, and announced once', async ({ page, context }) => {
  // The ranked list as a search shows it when nothing is held back.
  await page.goto('/search/?q=mobilization');
  await settled(page);
  const ranked = await page.locator('#results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(ranked).toHaveLength(10);

  // Hold back every result's fragment (the words and filters still load).
  // Until `holding` is cleared, every fragment request waits in `held`; after, they go through.
  const held: Route[] = [];
  let holding = true;
  await context.route('**/pagefind/fragment/**', (route) => void (holding ? held.push(route) : route.continue()));
  await page.goto('/search/?q=mobilization');
  const list = page.locator('#results');
  const status = page.locator('#search-status');
  await expect(status).toHaveText(/^\d+ results for “mobilization”\.$/);
  // Ten places held in rank order, none shown yet.
  await expect(list.locator('> li[aria-busy="true"]')).toHaveCount(10);
  await expect(list.locator('> li').first()).toBeHidden();
  await expect(list).toHaveAttribute('aria-busy', 'true');
  // The results list is not a live region: only the status line speaks, and it has spoken.
  await expect(list).not.toHaveAttribute('aria-live');
  await page.evaluate(() => {
    const w = window as unknown as { statusChanges: number };
    w.statusChanges = 0;
    new MutationObserver(() => w.statusChanges++).observe(document.getElementById('search-status')!, { childList: true, characterData: true, subtree: true });
  });
  await expect.poll(() => held.length).toBeGreaterThan(1);
  /** The shown results' links, in list order; null for a place not shown yet. */
  const shownHrefs = (): Promise<(string | null)[]> =>
    list
      .locator('> li')
      .evaluateAll((lis) =>
        lis.map((li) => (li.getAttribute('aria-busy') === 'true' ? null : (li.querySelector('a.result-title')?.getAttribute('href') ?? ''))),
      );

  // Every fragment but the last asked for arrives: the results above the missing one are shown,
  // in their ranks, and the list still waits for the rest.
  holding = false;
  const last = held.pop()!;
  for (const route of held.splice(0).reverse()) await route.continue();
  await expect.poll(async () => (await shownHrefs()).filter((h) => h !== null).length).toBeGreaterThan(0);
  await expect(list.locator('> li[data-filled]')).toHaveCount(9);
  const partly = await shownHrefs();
  const prefix = partly.indexOf(null);
  expect(prefix).toBeGreaterThan(0);
  expect(partly.slice(0, prefix)).toEqual(ranked.slice(0, prefix));
  expect(partly.slice(prefix).every((h) => h === null)).toBe(true);
  await expect(list).toHaveAttribute('aria-busy', 'true');

  // The last one arrives: all ten, in the ranking's order, and the status line said nothing more.
  await last.continue();
  await settled(page);
  expect(await shownHrefs()).toEqual(ranked);
  expect(await page.evaluate(() => (window as unknown as { statusChanges: number }).statusChanges)).toBe(0);
});
