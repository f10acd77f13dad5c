import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articles } from './data';

test('home lists every report', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.cards > li')).toHaveCount(articles.length);
  for (const a of articles)
    await expect(page.locator('.cards').getByRole('link', { name: a.title, exact: true })).toBeVisible();
});

test('every report page shows its title and its full verbatim text', async ({ page }) => {
  for (const a of articles) {
    await page.goto(new URL(a.url).pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.title);
    // The text as a reader reads it: the claim numbers set after each quote left out.
    const shown = await page.locator('article.report').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const ref of copy.querySelectorAll('.claim-ref')) ref.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ');
    });
    // Every paragraph of the Markdown body without Markdown markup is in the page word for word.
    const body = readFileSync(join(import.meta.dirname, `../../content/articles/${a.id}.md`), 'utf8').split(
      /^---$/m,
    )[2]!;
    const plain = body
      .split(/\n\s*\n/)
      .map((p) => p.replace(/^#+ /, '').replace(/\s+/g, ' ').trim())
      .filter((p) => p && !/[*_`[\]<>]/.test(p));
    expect(plain.length, a.id).toBeGreaterThan(0);
    for (const p of plain) expect(shown, `${a.id}: ${p.slice(0, 60)}`).toContain(p);
  }
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

test('claim marks are quiet at rest, told apart by a dotted underline, and fill in when their number has focus', async ({
  page,
}) => {
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
      document.activeElement?.matches('article.report a.claim-ref')
        ? document.activeElement.getAttribute('href')
        : null,
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

test('a reader reaches a claim in three clicks from home, and from it the report, claimant, topics and related claims in one', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Topics', exact: true }).first().click();
  await page.getByRole('link', { name: 'Rumours of a second wave' }).first().click();
  await page
    .getByRole('link', {
      name: 'Dmitry Peskov said the Kremlin is not currently discussing the possibility of a second mobilization.',
    })
    .click();
  await expect(page).toHaveURL(/\/claims\/peskov-kremlin-not-discussing-second-wave\/$/);
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: 'Read it in the report' })).toHaveAttribute(
    'href',
    '/articles/second-mobilization-rumours/#peskov-kremlin-not-discussing-second-wave',
  );
  await expect(main.getByRole('link', { name: 'Dmitry Peskov' }).first()).toHaveAttribute(
    'href',
    '/sources/dmitry-peskov/',
  );
  await expect(main.getByRole('link', { name: 'Kremlin statements and denials' })).toHaveAttribute(
    'href',
    '/topics/kremlin-messaging/',
  );
  await expect(main.getByRole('heading', { name: 'Denies' })).toBeVisible();
  await expect(
    main
      .getByRole('link', { name: 'An advisor', exact: false })
      .or(main.getByRole('link', { name: /Ukrainian interior ministry adviser/ })),
  ).toBeVisible();
});

test('the 404 page helps', async ({ page }) => {
  const res = await page.goto('/claims/no-such-claim/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
