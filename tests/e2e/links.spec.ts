import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { z } from 'astro/zod';
import { readCorpus } from '../../src/lib/content/read';
import { validateCorpus } from '../../src/lib/content/validate';
import { apiClaimsSchema } from '../../src/schemas/api';

type ApiClaim = z.infer<typeof apiClaimsSchema>['claims'][number];

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copy link puts the claim URL on the clipboard', async ({ page }) => {
  await page.goto('/claims/bbc-more-than-100000-killed/');
  const button = page.getByRole('button', { name: 'Copy link' });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/\/claims\/bbc-more-than-100000-killed\/$/);
});

const apiClaims = async (request: APIRequestContext): Promise<ApiClaim[]> =>
  apiClaimsSchema.parse(await (await request.get('/api/claims.json')).json()).claims;

// The two tests below visit every claim: on a loaded machine that takes longer than the default
// 30 s, and a test must not fail for the machine being busy.
const EVERY_CLAIM_TIMEOUT = 300_000;

test('every claim page copies its own permanent URL', async ({ page, request }) => {
  test.setTimeout(EVERY_CLAIM_TIMEOUT);
  const claims = await apiClaims(request);
  expect(claims.length).toBe(validateCorpus(readCorpus(join(import.meta.dirname, '../../content'))).claims.length);
  for (const c of claims) {
    await page.goto(new URL(c.url).pathname);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(c.url);
  }
});

test('beside each claim in its report, copy link copies the URL of that claim', async ({ page, request }) => {
  test.setTimeout(EVERY_CLAIM_TIMEOUT);
  const claims = await apiClaims(request);
  const byArticle = Map.groupBy(claims, (c) => c.article.url);
  for (const [articleUrl, list] of byArticle) {
    await page.goto(new URL(articleUrl).pathname);
    for (const c of list) {
      // Each claim's tools fold away under "Link and cite" beside it.
      const button = page.locator(`button[data-copy="p_link-${c.id}"]`);
      await page.locator('details.cite-box', { has: button }).locator('summary').click();
      await button.click();
      // The copy is asynchronous: poll, or the clipboard may still hold the previous claim's URL.
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(c.url);
    }
  }
});

test('without the clipboard, the link is selected for copying by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto('/claims/bbc-more-than-100000-killed/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const selected = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
  });
  expect(selected).toMatch(/\/claims\/bbc-more-than-100000-killed\/$/);
});

test('no page asks another origin for anything, or breaks the Content-Security-Policy', async ({ page, baseURL }) => {
  const offsite: string[] = [];
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== new URL(baseURL!).origin) offsite.push(r.url());
  });
  for (const path of [
    '/',
    '/articles/hidden-war-deaths/',
    '/claims/bbc-more-than-100000-killed/',
    '/figures/',
    '/timeline/',
    '/search/?q=Peskov',
    '/sources/isw/',
    '/topics/war-losses/',
  ]) {
    await page.goto(path, { waitUntil: 'networkidle' });
    if (path.startsWith('/search/')) await expect(page.locator('#results > li').first()).toBeVisible();
  }
  expect(offsite).toEqual([]);
  expect(violations).toEqual([]);
});

test('a retired claim URL lands on the claim that replaced it, and its old anchor on the quote', async ({ page }) => {
  const { redirects } = validateCorpus(readCorpus(join(import.meta.dirname, '../../content')));
  const renamed = redirects.find((r) => r.from === 'peskov-refuted-mobilization-continues');
  expect(renamed?.to).toBe('peskov-refuted-this-claim');
  await page.goto('/claims/peskov-refuted-mobilization-continues/');
  // The refresh moves the browser on by itself; poll for where it ends up.
  await expect(page).toHaveURL(/\/claims\/peskov-refuted-this-claim\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kremlin spokesman Dmitry Peskov refuted a claim that the excerpt does not include.',
  );
  // The old anchor in the report is kept just before the renamed claim's quote.
  await page.goto('/articles/partial-mobilization-encyclopedia/#peskov-refuted-mobilization-continues');
  await expect(page.locator('#peskov-refuted-mobilization-continues + mark.claim')).toHaveAttribute(
    'data-claim',
    'peskov-refuted-this-claim',
  );
  await expect(page.locator('mark.claim[data-claim="peskov-refuted-this-claim"]')).toBeInViewport();
});

test('the retired page itself is accessible and says where the claim went', async ({ page }) => {
  // Served as built but without its refresh, so that it stays on screen long enough to be checked:
  // what a reader sees whose browser does not follow it.
  await page.route('**/claims/groups-helping-avoid-call-up/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/claims/agora-and-other-groups-listed/">');
    await route.fulfill({ response, body: html.replace(/<meta http-equiv="refresh"[^>]*>/, '') });
  });
  await page.goto('/claims/groups-helping-avoid-call-up/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This claim has a new address');
  const link = page.getByRole('link', {
    name: "The groups named include Agora, the Committee of Soldiers' Mothers, Conscript's School and others.",
  });
  await expect(link).toHaveAttribute('href', '/claims/agora-and-other-groups-listed/');
  await expect(page.locator('main p.lede')).toHaveText(/^Renamed: /);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await link.click();
  await expect(page).toHaveURL(/\/claims\/agora-and-other-groups-listed\/$/);
});
