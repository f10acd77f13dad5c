import { expect, test, type Page } from '@playwright/test';
import { builtSite } from './subpath-server';

// The site published under a sub-path: built with SITE_URL=http://127.0.0.1:<port>/mobilization/
// and served from /mobilization/ only, by a server that answers 404 everywhere else. Every page,
// script, style, search file and export must be found there. (Its own Playwright project: see
// playwright.config.ts.)

const BASE = '/mobilization/';
const site = builtSite('subpath', BASE);

/** Records every request the page makes that fails or leaves the sub-path. */
function watch(page: Page): string[] {
  const bad: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(`${site.origin}${BASE}`) && !r.url().startsWith('data:'))
      bad.push(`outside the site: ${r.url()}`);
  });
  page.on('pageerror', (e) => bad.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') bad.push(`console: ${m.text()}`);
  });
  return bad;
}

test('under a sub-path, a reader goes from the home page to a report and a claim, styled, with nothing missing', async ({
  page,
}) => {
  const bad = watch(page);
  await page.goto(`${site.origin}${BASE}`);
  await expect(page.locator('h1')).toHaveText('Claim Ledger');
  // The style sheet loaded: the header has its panel colour, not the browser's default.
  expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe(
    'rgba(0, 0, 0, 0)',
  );
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${site.origin}${BASE}`);

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(`${site.origin}${BASE}articles/`);
  await page.locator('main a[href^="/mobilization/articles/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${site.origin}${BASE}articles/[^/]+/$`));
  await expect(page.locator('.report')).toBeVisible();

  await page.locator('main a[href^="/mobilization/claims/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${site.origin}${BASE}claims/[^/]+/$`));
  // The permanent link and the citation carry the public address, path included.
  await expect(page.locator('.cite')).toContainText(`${site.origin}${BASE}claims/`);
  const bib = await page.request.get(
    await page
      .getByRole('link', { name: 'BibTeX' })
      .getAttribute('href')
      .then((h) => `${site.origin}${h}`),
  );
  expect(bib.status()).toBe(200);
  expect(await bib.text()).toContain(`url = {${site.origin}${BASE}claims/`);

  expect(bad).toEqual([]);

  // A missing page under the sub-path gets the site's own 404 page, styled, linked home.
  const missing = await page.goto(`${site.origin}${BASE}no-such-page/`);
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe(
    'rgba(0, 0, 0, 0)',
  );
  bad.length = 0;
  await page.getByRole('link', { name: 'Claim Ledger', exact: true }).click();
  await expect(page).toHaveURL(`${site.origin}${BASE}`);
  expect(bad).toEqual([]);
});

test('under a sub-path, search loads its index, lists results there and follows them', async ({ page }) => {
  const bad = watch(page);
  await page.goto(`${site.origin}${BASE}search/?q=Rosstat`);
  await expect(page.locator('#search-status')).toHaveText(/^\d+ reports? match(es)? “Rosstat”/);
  const first = page.locator('#results a.result-title').first();
  await expect(first).toHaveAttribute('href', /^\/mobilization\/(claims|articles)\//);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`^${site.origin}${BASE}(claims|articles)/`));
  await expect(page.locator('h1')).not.toHaveText('Page not found');

  // The header's search form sends the reader to the search page under the sub-path.
  await page.locator('.site-header input[name="q"]').fill('Peskov');
  await page.locator('.site-header button[type="submit"]').click();
  await expect(page).toHaveURL(`${site.origin}${BASE}search/?q=Peskov`);
  await expect(page.locator('#results > li').first()).toBeVisible();
  expect(bad).toEqual([]);
});

test('under a sub-path, the feeds and exports are served and name the public address', async ({ request }) => {
  const get = async (path: string): Promise<string> => {
    const r = await request.get(`${site.origin}${BASE}${path}`);
    expect(r.status(), path).toBe(200);
    return r.text();
  };
  expect(await get('rss.xml')).toContain(`<atom:link href="${site.origin}${BASE}rss.xml" rel="self"`);
  expect(await get('sitemap-index.xml')).toContain(`${site.origin}${BASE}sitemap-0.xml`);
  const claims = JSON.parse(await get('api/claims.json')) as { $schema: string; claims: { url: string }[] };
  expect(claims.claims[0]!.url.startsWith(`${site.origin}${BASE}claims/`)).toBe(true);
  // The export's schema is where the export says it is.
  expect(claims.$schema).toBe(`${site.origin}${BASE}api/claims.schema.json`);
  expect((JSON.parse(await get('api/claims.schema.json')) as { $id: string }).$id).toBe(claims.$schema);
  await get('api/claims.csv');
  await get('api/datapackage.json');
  expect(await get('_headers')).toMatch(/^\/mobilization\/\*\n {2}Content-Security-Policy: /);
});
