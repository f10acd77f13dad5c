import { expect, test } from '@playwright/test';
import { articles } from './data';

test('home lists every report', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.cards > li')).toHaveCount(articles.length);
  await expect(page.getByRole('link', { name: 'Putin desperate for more troops as Ukraine war deaths ‘hidden’' })).toBeVisible();
});

test('an article page shows its title and its full verbatim text', async ({ page }) => {
  await page.goto('/articles/covert-mobilization-victory-day/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia secretly mobilizes military as Kremlin fears recruitment backlash');
  const text = page.locator('article.report');
  await expect(text).toContainText('Russian authorities are involved in a covert mobilization campaign');
  // The last paragraph of the report, and a typo-bearing garbled sentence kept as is.
  await expect(text).toContainText('Source: With Agencies');
  await expect(text).toContainText('“special decisions of federal executive bodies”. in terms of readiness');
  await expect(page.locator('dl.meta').first()).toContainText('Unknown outlet');
});

test('a claim anchor scrolls the quote into view and highlights it', async ({ page }) => {
  await page.goto('/articles/hidden-war-deaths/#afu-1027540-russian-casualties');
  const mark = page.locator('mark#afu-1027540-russian-casualties');
  await expect(mark).toBeInViewport();
  await expect(mark).toContainText('1,027,540 Russian casualties');
  const bg = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
  const other = await page
    .locator('mark.claim:not(:target)')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe(other);
});

test('claim marks are quiet at rest, told apart by a dotted underline, and fill in when their number has focus', async ({ page }) => {
  await page.goto('/articles/hidden-war-deaths/');
  const mark = page.locator('article.report mark.claim').first();
  // At rest: no fill, only a dotted underline, so the report reads as prose and the mark does not rely on colour.
  await expect(mark).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expect(mark).toHaveCSS('border-bottom-style', 'dotted');
  await mark.locator('+ a.claim-ref').focus();
  await expect(mark).toHaveCSS('border-bottom-style', 'solid');
  await expect(mark).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
});

test('keyboard alone reaches every claim link in an article', async ({ page }) => {
  await page.goto('/articles/second-mobilization-rumours/');
  const expected = await page.locator('article.report a.claim-ref').count();
  expect(expected).toBe(28);
  const reached = new Set<string>();
  for (let i = 0; i < 200 && reached.size < expected; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() =>
      document.activeElement?.matches('article.report a.claim-ref') ? document.activeElement.getAttribute('href') : null,
    );
    if (href) reached.add(href);
  }
  expect(reached.size).toBe(expected);
});

test('the claim preview shows on keyboard focus', async ({ page }) => {
  await page.goto('/articles/hidden-war-deaths/');
  const ref = page.locator('article.report a.claim-ref').first();
  await ref.focus();
  await expect(ref.locator('.claim-preview')).toBeVisible();
});

test('a reader reaches a claim in three clicks from home, and from it the report, claimant, topics and related claims in one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Topics', exact: true }).first().click();
  await page.getByRole('link', { name: 'Rumours of a second wave' }).first().click();
  await page.getByRole('link', { name: 'Dmitry Peskov said the Kremlin is not currently discussing the possibility of a second mobilization.' }).click();
  await expect(page).toHaveURL(/\/claims\/peskov-kremlin-not-discussing-second-wave\/$/);
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: 'Read it in the report' })).toHaveAttribute(
    'href',
    '/articles/second-mobilization-rumours/#peskov-kremlin-not-discussing-second-wave',
  );
  await expect(main.getByRole('link', { name: 'Dmitry Peskov' }).first()).toHaveAttribute('href', '/sources/dmitry-peskov/');
  await expect(main.getByRole('link', { name: 'Kremlin statements and denials' })).toHaveAttribute('href', '/topics/kremlin-messaging/');
  await expect(main.getByRole('heading', { name: 'Denies' })).toBeVisible();
  await expect(
    main.getByRole('link', { name: 'An advisor', exact: false }).or(main.getByRole('link', { name: /Ukrainian interior ministry adviser/ })),
  ).toBeVisible();
});

test('the 404 page helps', async ({ page }) => {
  const res = await page.goto('/claims/no-such-claim/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
