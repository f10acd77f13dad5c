import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { z } from 'astro/zod';
import { readCorpus } from '../../src/lib/content/read';
import { validateCorpus } from '../../src/lib/content/validate';
import { apiClaimsSchema } from '../../src/schemas/api';
import { claims } from './data';

const DIST = join(import.meta.dirname, '../../dist');

type ApiClaim = z.infer<typeof apiClaimsSchema>['claims'][number];

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// The claim, report, source and topic these tests open, and the redirects they follow, come from
// the build's exports and the content: no id of the real content is written here.
const FIRST = claims[0]!;
const FIRST_PATH = new URL(FIRST.url).pathname;
const { redirects } = validateCorpus(readCorpus(join(import.meta.dirname, '../../content')));
const renamed = redirects.filter((r) => r.to !== undefined);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('copy link puts the claim URL on the clipboard', async ({ page }) => {
  await page.goto(FIRST_PATH);
  const button = page.getByRole('button', { name: 'Copy link' });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(FIRST.url);
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
  await page.goto(FIRST_PATH);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const selected = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
  });
  expect(selected).toBe(FIRST.url);
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
    new URL(FIRST.article.url).pathname,
    FIRST_PATH,
    '/figures/',
    '/timeline/',
    `/search/?q=${encodeURIComponent(FIRST.claimant.name.split(' ').at(-1)!)}`,
    new URL(FIRST.claimant.url).pathname,
    new URL(FIRST.topics[0]!.url).pathname,
  ]) {
    await page.goto(path, { waitUntil: 'networkidle' });
    if (path.startsWith('/search/')) await expect(page.locator('#results > li').first()).toBeVisible();
  }
  expect(offsite).toEqual([]);
  expect(violations).toEqual([]);
});

test('a retired claim URL lands on the claim that replaced it, and its old anchor on the quote', async ({ page }) => {
  // The content's redirects to a claim of a new id (when it has none, there is nothing to follow).
  const all = apiClaimsSchema.parse(JSON.parse(readFileSync(join(DIST, 'api/claims.json'), 'utf8'))).claims;
  for (const r of renamed) {
    const target = all.find((c) => c.id === r.to)!;
    await page.goto(`/claims/${r.from}/`);
    // The refresh moves the browser on by itself; poll for where it ends up.
    await expect(page).toHaveURL(new RegExp(`/claims/${escape(r.to!)}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.statement);
    // The old anchor in the report is kept just before the renamed claim's quote.
    await page.goto(`${new URL(target.article.url).pathname}#${r.from}`);
    await expect(page.locator(`[id="${r.from}"] + mark.claim`)).toHaveAttribute('data-claim', r.to!);
    await expect(page.locator(`mark.claim[data-claim="${r.to!}"]`).first()).toBeInViewport();
  }
});

test('each retired page itself is accessible and says where the claim went', async ({ page }) => {
  // The same for any redirect (the fixture corpus always has one: tests/e2e/fixture-corpus.spec.ts).
  const all = apiClaimsSchema.parse(JSON.parse(readFileSync(join(DIST, 'api/claims.json'), 'utf8'))).claims;
  for (const r of renamed) {
    const target = all.find((c) => c.id === r.to)!;
    // Served as built but without its refresh, so that it stays on screen long enough to be
    // checked: what a reader sees whose browser does not follow it.
    await page.route(`**/claims/${r.from}/`, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/claims/${r.to!}/">`);
      await route.fulfill({ response, body: html.replace(/<meta http-equiv="refresh"[^>]*>/, '') });
    });
    await page.goto(`/claims/${r.from}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This claim has a new address');
    const link = page.getByRole('link', { name: target.statement, exact: true });
    await expect(link).toHaveAttribute('href', `/claims/${r.to!}/`);
    // The redirect's note, as the content gives it.
    await expect(page.locator('main p.lede')).toHaveText(r.note);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/claims/${escape(r.to!)}/$`));
  }
});
