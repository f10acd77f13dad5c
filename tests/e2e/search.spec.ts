import { expect, test, type Page, type Route } from '@playwright/test';
import { claims, claimsBy, firstPage, reportCount } from './data';

/**
 * Waits until the page of results on screen is complete: results are appended report by report as
 * their fragments arrive, and the list is busy until the page is full or the results run out.
 */
const settled = (page: Page): Promise<void> => expect(page.locator('#results')).toHaveAttribute('aria-busy', 'false');

test('typing a word from a report finds that report', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel('Words or phrase').fill('Kulibin');
  const results = page.locator('#results > li');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('#results')).toContainText(
    'Putin steps up crypto-mobilization amid falling public support for war',
  );
  // The report's result points at the claim anchored where the word occurs.
  const report = page
    .locator('#results > li')
    .filter({ has: page.locator('.kind', { hasText: /^Report · 7 July 2025$/ }) });
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

test('"Rosstat" lists the mortality-data claims of both 2025 reports; a topic narrows it; a result leads to the claim', async ({
  page,
}) => {
  await page.goto('/search/?q=Rosstat');
  const list = page.locator('#results');
  await expect(list.locator('> li').first()).toBeVisible();
  await expect(page.locator('#search-status')).toHaveText(
    /^(1 report matches|\d+ reports match) “Rosstat”; (it|each) is listed with its matching claims\.$/,
  );
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
  // The counts are those of the current results, in reports: as many reports as the denials
  // then listed come from.
  const label = page.locator('label', { hasText: /^denial \(/ });
  await expect(label).not.toHaveText('denial (0)');
  const count = Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThan(0);
  await page.getByLabel(/^denial \(/).check();
  await expect(page).toHaveURL(/\?q=Peskov&kind=denial$/);
  await expect(page.locator('#search-status')).toHaveText(
    count === 1
      ? '1 report matches “Peskov”, denial; it is listed with its matching claims.'
      : `${count} reports match “Peskov”, denial; each is listed with its matching claims.`,
  );
  await settled(page);
  // Only denials: the other claims of the same reports, which carry "Peskov" too, are left out.
  const kinds = await page.locator('#results .kind').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(kinds.every((k) => /^Claim · denial · (about )?\w/.test(k))).toBe(true);
  const reports = await page
    .locator('#results p.muted a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(new Set(reports).size).toBe(count);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=Peskov$/);
  await expect(page.getByLabel(/^denial \(/)).not.toBeChecked();
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzzxqv');
  await expect(page.locator('#search-status')).toHaveText(
    'No results for “zzzxqv”. Try other words, or fewer filters.',
  );
});

test('topic and source pages link to the pre-filtered search', async ({ page }) => {
  await page.goto('/topics/second-wave/');
  await page.getByRole('link', { name: 'Search within this topic' }).click();
  await expect(page).toHaveURL(/\/search\/\?topic=Rumours\+of\+a\+second\+wave$/);
  await expect(page.getByLabel(/^Rumours of a second wave/)).toBeChecked();
  await expect(page.locator('#results > li').first()).toBeVisible();
  await page.goto('/sources/dmitry-peskov/');
  await page.getByRole('link', { name: 'Search claims by Dmitry Peskov' }).click();
  await expect(page.locator('#results > li')).toHaveCount(firstPage(claimsBy('Dmitry Peskov').length));
});

test('a search downloads the counts of the open filter panels only; opening another fetches its counts and keeps the results', async ({
  page,
}) => {
  const filterFiles: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/filter/')) filterFiles.push(r.url());
  });
  await page.goto('/search/?q=Peskov');
  await settled(page);
  const results = await page
    .locator('#results a.result-title')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // Only the Topic panel is open: one filter index of the five.
  expect(filterFiles).toHaveLength(1);
  await expect(
    page.locator('details[data-facet="topic"] label', { hasText: /^Kremlin statements and denials \(/ }),
  ).not.toHaveText(/\(0\)$/);

  await page.locator('summary', { hasText: 'Kind' }).click();
  await expect(page.locator('details[data-facet="kind"] label', { hasText: /^denial \(/ })).not.toHaveText(
    'denial (0)',
  );
  expect(filterFiles).toHaveLength(2);
  // Polled: were the results re-rendered, a single read could catch the list while it is empty.
  await expect
    .poll(async () =>
      page.locator('#results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    )
    .toEqual(results);
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

  // With the panel open, a search lists just the claimants in its results, each counted in
  // reports (Peskov's claims are in more than one report).
  const peskov = reportCount(claimsBy('Dmitry Peskov'));
  expect(peskov).toBeGreaterThan(1);
  await claimants.locator('summary').click();
  await page.getByLabel('Words or phrase').fill('Peskov');
  await expect(claimants.locator('li').first()).toHaveText(`Dmitry Peskov (${peskov})`);
  const counts = await claimants.locator('.count').allTextContents();
  expect(counts.length).toBeLessThan(30);
  expect(counts.every((c) => /^\([1-9]\d*\)$/.test(c))).toBe(true);

  // Oleksiy Danilov (one claim) is not among the 30 listed at first, but a link can choose him.
  await page.goto('/search/?claimant=Oleksiy+Danilov');
  await expect(page.getByLabel(/^Oleksiy Danilov/)).toBeChecked();
  await expect(page.locator('#results > li')).toHaveCount(firstPage(claimsBy('Oleksiy Danilov').length));
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
  await page.getByLabel('Order').selectOption('date-asc');
  await expect(page).toHaveURL(/\?q=mobilization&sort=date-asc$/);
  // Oldest first, then newest first: each page in order, the newest first page starting later than the oldest.
  await expect.poll(() => order(1)).toMatchObject({ count: 10, inOrder: true });
  const oldest = (await order(1)).first!;
  await page.getByLabel('Order').selectOption('date-desc');
  await expect(page).toHaveURL(/sort=date-desc$/);
  await expect.poll(() => order(-1)).toMatchObject({ count: 10, inOrder: true });
  expect((await order(-1)).first!).toBeGreaterThan(oldest);
});

test("a match in what a claim says or who said it comes first, above a passing mention in its report's text", async ({
  page,
}) => {
  for (const [q, claimant] of [
    ['Peskov', 'Dmitry Peskov'],
    ['Kobak', 'Dmitry Kobak'],
    ['Slabunova', 'Emilia Slabunova'],
  ]) {
    await page.goto(`/search/?q=${q}`);
    await settled(page);
    // Each result as [claim or report, the report it is in].
    const rows = await page.locator('#results > li').evaluateAll((lis) =>
      lis.map((li) => {
        const isReport = li.querySelector('.kind')!.textContent!.startsWith('Report');
        const link = isReport ? li.querySelector('a.result-title') : li.querySelector('p.muted a');
        return [isReport ? 'report' : 'claim', new URL((link as HTMLAnchorElement).href).pathname] as const;
      }),
    );
    expect(
      rows.map((r) => r[0]),
      q,
    ).toContain('report');
    // A report's own result follows every claim result of that report.
    rows.forEach(([kind, report], i) => {
      if (kind === 'report')
        expect(
          rows.slice(i + 1).some((r) => r[0] === 'claim' && r[1] === report),
          `${q}: ${report}`,
        ).toBe(false);
    });
    await expect(page.locator('#results > li').first().locator('.muted')).toContainText(`${claimant} · in`);
  }
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
  const held: Route[] = [];
  let holding = true;
  await context.route('**/pagefind/fragment/**', (route) => void (holding ? held.push(route) : route.continue()));
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
  // Fragments are asked for in rank order, several at once.
  await expect.poll(() => held.length).toBeGreaterThan(1);
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

test('a claim is listed only if it matches every chosen filter, even when another claim of its report has the other value', async ({
  page,
}) => {
  // The second-wave report has Peskov's denial and quotes, and figures by others: it carries both
  // "denial" and "figure", and "Dmitry Peskov", but no claim of it is a figure by Peskov.
  await page.goto('/search/?claimant=Dmitry+Peskov&kind=figure');
  await expect(page.locator('#search-status')).toHaveText(
    'No results for Dmitry Peskov, figure. Try other words, or fewer filters.',
  );
  await expect(page.locator('#results > li')).toHaveCount(0);
  await page.goto('/search/?claimant=Dmitry+Peskov&kind=denial');
  await settled(page);
  const denials = claimsBy('Dmitry Peskov').filter((c) => c.kind === 'denial').length;
  expect(denials).toBeGreaterThan(0);
  await expect(page.locator('#results .kind')).toHaveText(
    Array.from({ length: firstPage(denials) }, () => /^Claim · denial · /),
  );
});
