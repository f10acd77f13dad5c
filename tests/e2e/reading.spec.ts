import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articles, claims } from './data';

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

// The report and claim the reading tests open, picked from the build's export: the last claim of
// the report with the most claims (far enough down its page to need scrolling).
const longest = articles
  .map((a) => ({ a, list: claims.filter((c) => c.article.id === a.id) }))
  .sort((x, y) => y.list.length - x.list.length)[0]!;
const REPORT = new URL(longest.a.url).pathname;
const LAST = longest.list.at(-1)!;

test('a claim anchor scrolls the quote into view and highlights it', async ({ page }) => {
  await page.goto(new URL(LAST.article.anchorUrl).pathname + new URL(LAST.article.anchorUrl).hash);
  const mark = page.locator(`mark[id="${LAST.id}"]`);
  await expect(mark).toBeInViewport();
  // The quote's first words (a quote may run across inline markup, so not the whole of it).
  await expect(mark).toContainText(LAST.quote.split(' ').slice(0, 3).join(' '));
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
  await page.goto(REPORT);
  const mark = page.locator('article.report mark.claim').first();
  // At rest: no fill, only a dotted underline, so the report reads as prose and the mark does not rely on colour.
  await expect(mark).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expect(mark).toHaveCSS('border-bottom-style', 'dotted');
  await mark.locator('+ a.claim-ref').focus();
  await expect(mark).toHaveCSS('border-bottom-style', 'solid');
  await expect(mark).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
});

test('keyboard alone reaches every claim link in an article', async ({ page }) => {
  await page.goto(REPORT);
  const expected = await page.locator('article.report a.claim-ref').count();
  // One link per claim of the report, as the export lists them.
  expect(expected).toBe(longest.list.length);
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
  await page.goto(REPORT);
  const ref = page.locator('article.report a.claim-ref').first();
  await ref.focus();
  await expect(ref.locator('.claim-preview')).toBeVisible();
});

// A reader reaching a claim from home in three clicks, and from it its report, claimant, topics
// and related claims: tests/e2e/fixture-corpus.spec.ts, on the fixture corpus.

test('the 404 page helps', async ({ page }) => {
  const res = await page.goto('/claims/no-such-claim/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
