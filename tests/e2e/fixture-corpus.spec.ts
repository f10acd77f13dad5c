import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { builtSite, ROOT } from './subpath-server';

// Browser tests of behaviour (events, evidence, search, reading) on the site built from the
// fixture corpus (tests/fixtures/ledger: four made-up reports), with expectations written for that
// corpus: every id, name and count below is the fixture's, never the real content's. The test
// builds the site into a temporary folder and serves it itself on a free port. (Its own
// Playwright project: see playwright.config.ts.)

const site = builtSite('fixture', '/', { CONTENT_DIR: join(ROOT, 'tests/fixtures/ledger/content') });

/** Opens a path of the fixture site. */
const go = (page: Page, path: string) => page.goto(`${site.origin}${path}`);

/** Waits until the page of results on screen is complete (the list is busy until then). */
const settled = (page: Page): Promise<void> => expect(page.locator('#results')).toHaveAttribute('aria-busy', 'false');

/** The links of the results shown. */
const resultLinks = (page: Page): Promise<string[]> =>
  page.locator('#results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));

const DECREE = '/events/decree-event/';

test.describe('events', () => {
  test('an event page sets the tellings side by side, marks differences, names origins and draws the graph', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await go(page, DECREE);
    const tellings = page.locator('.telling');
    await expect(tellings).toHaveCount(2);
    await expect(tellings.nth(0).locator('h3')).toContainText('Harbour report on the decree');
    await expect(tellings.nth(1).locator('h3')).toContainText('Valley excerpt on the decree');
    // Side by side on a desktop: same top, the second to the right of the first.
    const [a, b] = [await tellings.nth(0).boundingBox(), await tellings.nth(1).boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

    // Each claim with its chain and hedge.
    const b1 = page.locator('#p_claim-B1');
    // The Valley Wiki is the excerpt's outlet inferred from its form: marked so in the chain.
    await expect(b1.locator('.chain li')).toHaveText(['the report', 'Valley Wiki (inferred)', 'River Gazette']);
    await expect(tellings.nth(1).locator('.note').first()).toContainText('relay chain: Valley Wiki (inferred)');
    // An assessment's "doubted" is not set against an event's "asserted": not marked as differing.
    await expect(b1.locator('dt:text-is("Hedge") + dd')).toHaveText('asserted');
    await expect(page.locator('#p_claim-B2 dt:text-is("Hedge") + dd')).toHaveText('doubted');
    // The different number is marked on both sides and listed with both values.
    await expect(page.locator('#p_claim-A2 dt:text-is("Figures") + dd .diff-badge')).toHaveText('differs');
    await expect(b1.locator('dt:text-is("Figures") + dd .diff-badge')).toHaveText('differs');
    await expect(page.locator('#p_differences + ul li[data-kind="figure"]')).toHaveText(
      'Number: people the decree allows to be called up: “300,000 people” in A2 · “up to 1,000,000 men” in B1',
    );
    // A2 dates the decree (about), B1 dates the River Gazette's report (said): not compared.
    await expect(
      page.locator('#p_differences + ul li[data-kind="about"], #p_differences + ul li[data-kind="stated"]'),
    ).toHaveCount(0);
    // The reports' relay chains are one line, not a difference of every claim.
    await expect(page.locator('#p_differences + ul li[data-kind="relay"]')).toHaveCount(1);

    // Evidence: the label, and the origins named and linked.
    const evidence = page.locator('[aria-labelledby="p_evidence-h"]');
    await expect(evidence.locator('.evidence-label')).toHaveText(['3 independent origins', 'Disputed']);
    await expect(evidence.getByRole('link', { name: 'River Gazette' })).toHaveAttribute(
      'href',
      '/sources/river-gazette/',
    );
    // Who disputes what, in the relation's direction: the party whose word is doubted is no disputer.
    await expect(evidence.locator('.disputes li')).toHaveText([/^Anna Reed doubts what Ivan Lake says/]);

    // The graph: drawn, with its text equivalent, and a link from a difference lands on the claim.
    const graph = page.getByRole('img', { name: /Relation graph of “The fixture decree”/ });
    await expect(graph).toBeVisible();
    await expect(graph.locator('text', { hasText: 'B1 · River Gazette' })).toHaveCount(1);
    await expect(page.locator('#p_relations-text li').first()).toHaveText(/B1 \(River Gazette\) qualifies A2/);
    await page.locator('#p_differences + ul li[data-kind="figure"]').getByRole('link', { name: 'B1' }).click();
    await expect(page).toHaveURL(/#p_claim-B1$/);
    await expect(b1).toBeInViewport();
  });

  test('on a phone the tellings stack, one after another', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await go(page, DECREE);
    const tellings = page.locator('.telling');
    await expect(tellings).toHaveCount(2);
    const [a, b] = [await tellings.nth(0).boundingBox(), await tellings.nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
    expect(a!.width).toBeLessThanOrEqual(390);
  });

  test('two reports relaying the Ridge Institute are labelled a single origin; the claim page links to its event', async ({
    page,
  }) => {
    await go(page, '/claims/ridge-avoiding/');
    await expect(page.locator('.evidence .evidence-label')).toHaveText(['Single origin']);
    await page.getByRole('link', { name: 'Ridge Institute: the leader avoids a new wave' }).click();
    await expect(page).toHaveURL(/\/events\/single-origin-event\/$/);
    await expect(page.locator('.evidence-reasoning')).toHaveText(
      /all trace back to Ridge Institute, so they are one origin, not independent corroboration/,
    );
    await expect(page.locator('#p_differences + ul li[data-kind="relay"]')).toHaveText(
      "Report's relay chain: “relays no source as a whole” in report A · “Summit News (inferred) → East Agency” in report B",
    );
  });

  test('the evidence filter narrows the results and is kept in the URL', async ({ page }) => {
    await go(page, '/search/?q=Lake');
    const status = page.locator('#search-status');
    // Ivan Lake's claims are in two reports, and a third mentions him in passing.
    await expect(status).toHaveText('3 reports match “Lake”; each is listed with its matching claims.');
    await settled(page);
    await expect(page.locator('#more')).toBeHidden();
    const before = await resultLinks(page);

    await page.locator('summary', { hasText: 'Evidence' }).click();
    await page.getByLabel(/^Disputed \(/).check();
    await expect(page).toHaveURL(/[?&]evidence=Disputed(&|$)/);
    await expect(status).toHaveText(/^(1 report matches|\d+ reports match) “Lake”, Disputed; (it|each) is listed/);
    await settled(page);
    const after = await resultLinks(page);
    // Anna Reed doubts "only reservists"; Lake's own denial of a second wave is disputed by no one.
    expect(after).toEqual(['/claims/lake-only-reservists/']);
    expect(before).toContain('/claims/lake-no-talks/');
    expect(before).toContain('/claims/lake-only-reservists/');

    // The URL alone restores the filter.
    await page.reload();
    await expect(page.getByLabel(/^Disputed \(/)).toBeChecked();
    await expect.poll(() => resultLinks(page)).toEqual(after);
    // Back undoes it.
    await page.goBack();
    await expect(page).toHaveURL(/\/search\/\?q=Lake$/);
    await expect.poll(() => resultLinks(page)).toEqual(before);
  });
});

test.describe('search', () => {
  test('typing a word from a report finds that report, and its result points at the claim where the word is', async ({
    page,
  }) => {
    await go(page, '/search/');
    await page.getByLabel('Words or phrase').fill('Wednesday');
    await expect(page.locator('#results > li').first()).toBeVisible();
    await expect(page.locator('#results')).toContainText('Harbour report on the decree');
    const report = page
      .locator('#results > li')
      .filter({ has: page.locator('.kind', { hasText: /^Report · 25 September 2022$/ }) });
    const near = report.locator('a[href="/articles/r-harbour/#lake-decree-signed"]');
    await expect(near).toBeVisible();
    await near.click();
    await expect(page.locator('mark#lake-decree-signed')).toBeInViewport();
  });

  test('"Ridge" lists the Ridge Institute\'s claims of both reports; a topic narrows it; a result leads to the claim', async ({
    page,
  }) => {
    await go(page, '/search/?q=Ridge');
    await settled(page);
    const before = await resultLinks(page);
    expect(before).toEqual(expect.arrayContaining(['/claims/ridge-averse/', '/claims/ridge-deaths-hidden/']));

    await page.getByLabel(/^Statistics and data/).check();
    await expect(page).toHaveURL(/topic=Statistics\+and\+data/);
    await expect(page.locator('#search-status')).toContainText('Statistics and data');
    await settled(page);
    const after = await resultLinks(page);
    expect(after).toContain('/claims/ridge-deaths-hidden/');
    expect(after).not.toContain('/claims/ridge-averse/');
    expect(after.length).toBeLessThan(before.length);

    await page
      .getByRole('link', { name: /^in “Summit report on hidden deaths/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/articles\/r-summit\/#/);
    const id = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`mark[id="${id}"]`)).toBeInViewport();
  });

  test('/search/?q=Lake shows results without typing; a kind filter updates the URL; Back restores', async ({
    page,
  }) => {
    await go(page, '/search/?q=Lake');
    await expect(page.getByLabel('Words or phrase')).toHaveValue('Lake');
    await expect(page.locator('#results > li').first()).toBeVisible();
    await page.locator('summary', { hasText: 'Kind' }).click();
    // Counted in reports: Lake's one denial is in the autumn report.
    await expect(page.locator('label', { hasText: /^denial \(/ })).toHaveText('denial (1)');
    await page.getByLabel(/^denial \(/).check();
    await expect(page).toHaveURL(/\?q=Lake&kind=denial$/);
    await expect(page.locator('#search-status')).toHaveText(
      '1 report matches “Lake”, denial; it is listed with its matching claims.',
    );
    await settled(page);
    // Only the denial: the other claims of the same report that carry "Lake" are left out.
    await expect(page.locator('#results .kind')).toHaveText([/^Claim · denial · /]);
    expect(await resultLinks(page)).toEqual(['/claims/lake-no-talks/']);
    await page.goBack();
    await expect(page).toHaveURL(/\?q=Lake$/);
    await expect(page.getByLabel(/^denial \(/)).not.toBeChecked();
  });

  test('topic and source pages link to the pre-filtered search', async ({ page }) => {
    await go(page, '/topics/second-wave/');
    await page.getByRole('link', { name: 'Search within this topic' }).click();
    await expect(page).toHaveURL(/\/search\/\?topic=A\+second\+wave$/);
    await expect(page.getByLabel(/^A second wave/)).toBeChecked();
    await expect(page.locator('#results > li').first()).toBeVisible();
    await go(page, '/sources/ivan-lake/');
    await page.getByRole('link', { name: 'Search claims by Ivan Lake' }).click();
    await settled(page);
    expect((await resultLinks(page)).sort()).toEqual([
      '/claims/decree-allows-300000/',
      '/claims/lake-decree-signed/',
      '/claims/lake-no-talks/',
      '/claims/lake-only-reservists/',
    ]);
  });

  test('a search downloads the counts of the open filter panels only; opening another fetches its counts and keeps the results', async ({
    page,
  }) => {
    const filterFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/filter/')) filterFiles.push(r.url());
    });
    await go(page, '/search/?q=Lake');
    await settled(page);
    const results = await resultLinks(page);
    // Only the Topic panel is open: one filter index of the five.
    expect(filterFiles).toHaveLength(1);
    await expect(page.locator('details[data-facet="topic"] label', { hasText: /^The decree \(/ })).toHaveText(
      'The decree (2)',
    );
    await page.locator('summary', { hasText: 'Kind' }).click();
    await expect(page.locator('details[data-facet="kind"] label', { hasText: /^denial \(/ })).toHaveText('denial (1)');
    expect(filterFiles).toHaveLength(2);
    // Polled: were the results re-rendered, a single read could catch the list while it is empty.
    await expect.poll(() => resultLinks(page)).toEqual(results);
  });

  test("a match in what a claim says or who said it comes first, above a passing mention in a report's text", async ({
    page,
  }) => {
    await go(page, '/search/?q=Lake');
    await settled(page);
    // Each result as [claim or report, the report it is in].
    const rows = await page.locator('#results > li').evaluateAll((lis) =>
      lis.map((li) => {
        const isReport = li.querySelector('.kind')!.textContent!.startsWith('Report');
        const link = isReport ? li.querySelector('a.result-title') : li.querySelector('p.muted a');
        return [isReport ? 'report' : 'claim', new URL((link as HTMLAnchorElement).href).pathname] as const;
      }),
    );
    // The valley excerpt names Ivan Lake only in passing ("Ivan Lake did not answer."): its report
    // is a result, after every claim by Lake.
    expect(rows).toContainEqual(['report', '/articles/r-valley/']);
    const lastClaim = rows.map((r) => r[0]).lastIndexOf('claim');
    expect(rows.findIndex((r) => r[1] === '/articles/r-valley/')).toBeGreaterThan(lastClaim);
    // A report's own result follows every claim result of that report.
    rows.forEach(([kind, report], i) => {
      if (kind === 'report')
        expect(
          rows.slice(i + 1).some((r) => r[0] === 'claim' && r[1] === report),
          report,
        ).toBe(false);
    });
    await expect(page.locator('#results > li').first().locator('.muted')).toContainText('Ivan Lake · in');
  });

  test('a claim is listed only if it matches every chosen filter, even when another claim of its report has the other value', async ({
    page,
  }) => {
    // The autumn report has Lake's denial and Reed's figure: it carries "denial" and "Anna Reed",
    // but no claim of it is a denial by Reed.
    await go(page, '/search/?claimant=Anna+Reed&kind=denial');
    await expect(page.locator('#search-status')).toHaveText(
      'No results for Anna Reed, denial. Try other words, or fewer filters.',
    );
    await expect(page.locator('#results > li')).toHaveCount(0);
    await go(page, '/search/?claimant=Anna+Reed&kind=figure');
    await settled(page);
    expect((await resultLinks(page)).sort()).toEqual(['/claims/reed-50000-killed/', '/claims/reed-second-wave/']);
    await expect(page.locator('#results .kind')).toHaveText([/^Claim · figure · /, /^Claim · figure · /]);
  });
});

test('a reader reaches a claim in three clicks from home, and from it the report, claimant, topics and related claims in one', async ({
  page,
}) => {
  await go(page, '/');
  await page.getByRole('link', { name: 'Topics', exact: true }).first().click();
  await page.getByRole('link', { name: 'A second wave' }).first().click();
  await page.getByRole('link', { name: 'Ivan Lake told reporters there were no talks about a second wave.' }).click();
  await expect(page).toHaveURL(/\/claims\/lake-no-talks\/$/);
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: 'Read it in the report' })).toHaveAttribute(
    'href',
    '/articles/r-autumn/#lake-no-talks',
  );
  await expect(main.getByRole('link', { name: 'Ivan Lake' }).first()).toHaveAttribute('href', '/sources/ivan-lake/');
  await expect(main.getByRole('link', { name: 'A second wave', exact: true })).toHaveAttribute(
    'href',
    '/topics/second-wave/',
  );
  await expect(main.getByRole('heading', { name: 'Denies' })).toBeVisible();
  // The claim it denies, its statement cut short in the list.
  await expect(main.getByRole('link', { name: /^Anna Reed said the ministry is preparing a second/ })).toHaveAttribute(
    'href',
    '/claims/reed-second-wave/',
  );
});

test.describe('a retired claim URL', () => {
  test('lands on the claim that replaced it, and its old anchor on the quote', async ({ page }) => {
    // tests/fixtures/ledger/content/redirects.yaml: lake-said-reservists is now lake-only-reservists.
    await go(page, '/claims/lake-said-reservists/');
    // The refresh moves the browser on by itself; poll for where it ends up.
    await expect(page).toHaveURL(/\/claims\/lake-only-reservists\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ivan Lake said only reservists are called up.');
    await go(page, '/articles/r-harbour/#lake-said-reservists');
    await expect(page.locator('#lake-said-reservists + mark.claim')).toHaveAttribute(
      'data-claim',
      'lake-only-reservists',
    );
    await expect(page.locator('mark.claim[data-claim="lake-only-reservists"]')).toBeInViewport();
  });

  test('is a page of its own, accessible, that says where the claim went', async ({ page }) => {
    // Served as built but without its refresh, so that it stays on screen long enough to be checked.
    await page.route('**/claims/lake-said-reservists/', async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toContain('<meta http-equiv="refresh" content="0; url=/claims/lake-only-reservists/">');
      await route.fulfill({ response, body: html.replace(/<meta http-equiv="refresh"[^>]*>/, '') });
    });
    await go(page, '/claims/lake-said-reservists/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This claim has a new address');
    await expect(page.locator('main p.lede')).toHaveText('Renamed in the fixture: the claim is about reservists.');
    const link = page.getByRole('link', { name: 'Ivan Lake said only reservists are called up.', exact: true });
    await expect(link).toHaveAttribute('href', '/claims/lake-only-reservists/');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await link.click();
    await expect(page).toHaveURL(/\/claims\/lake-only-reservists\/$/);
  });
});
