import { expect, test, type APIRequestContext } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copy link puts the claim URL on the clipboard', async ({ page }) => {
  await page.goto('/claims/bbc-more-than-100000-killed/');
  const button = page.getByRole('button', { name: 'Copy link' });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/claims\/bbc-more-than-100000-killed\/$/);
});

interface ApiClaim {
  id: string;
  url: string;
  article: { id: string; url: string };
}
const apiClaims = async (request: APIRequestContext): Promise<ApiClaim[]> =>
  ((await (await request.get('/api/claims.json')).json()) as { claims: ApiClaim[] }).claims;

test('every claim page copies its own permanent URL', async ({ page, request }) => {
  // One page visit per claim: on a loaded shared machine this loop alone can take minutes.
  test.setTimeout(600_000);
  const claims = await apiClaims(request);
  expect(claims.length).toBeGreaterThan(100);
  for (const c of claims) {
    await page.goto(new URL(c.url).pathname);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(c.url);
  }
});

test('beside each claim in its report, copy link copies the URL of that claim', async ({ page, request }) => {
  const claims = await apiClaims(request);
  const byArticle = Map.groupBy(claims, (c) => c.article.url);
  for (const [articleUrl, list] of byArticle) {
    await page.goto(new URL(articleUrl).pathname);
    for (const c of list) {
      // Each claim's tools fold away under "Link and cite" beside it.
      const button = page.locator(`button[data-copy="link-${c.id}"]`);
      await page.locator('details.cite-box', { has: button }).locator('summary').click();
      await button.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(c.url);
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
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
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
