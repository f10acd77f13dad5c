import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate, writeUnpublishedPermalinks } from '../../scripts/bench/generate.mjs';
import { builtSite } from './subpath-server';

// The long lists cut into pages (the list of claims, the timeline, the list of reports, the list
// of events, a topic, the figures table) as a reader meets them: the real reports fit on one page
// of each, so this builds a site of its own from a synthetic corpus (the benchmark's generator:
// made-up words, sources and topics, never the real content) big enough for every list to have
// pages. Nothing below names a count of it: the expectations are read from its exports, or are
// the same for any corpus with pages. (Its own Playwright project: see playwright.config.ts.)

/**
 * Reports in the generated corpus: enough for a topic (200 claims a page) to have two pages, for
 * the list of events (50 a page; the generator makes an event of every 5 reports) to have two,
 * and for the timeline to span two years (the generator dates report n n days after 1 January 2020).
 */
const REPORTS = 400;

let corpus = '';
const site = builtSite('paged', '/', () => {
  corpus = mkdtempSync(join(tmpdir(), 'claim-ledger-paged-content-'));
  const content = join(corpus, 'content');
  generate(content, REPORTS);
  writeUnpublishedPermalinks(content);
  return { CONTENT_DIR: content };
});
test.afterAll(() => rmSync(corpus, { recursive: true, force: true }));

/** Opens a path of the generated site, which must be there (not the 404 page). */
async function go(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${site.origin}${path}`);
  expect(response?.status(), path).toBe(200);
}

/** The links to claim pages in the page's main content (a list links each of its claims once). */
const claimLinks = (page: Page): Promise<string[]> =>
  page
    .locator('main a[href^="/claims/"]')
    .evaluateAll((as) =>
      as.map((a) => a.getAttribute('href') ?? '').filter((h) => /^\/claims\/[^/]+\/$/.test(h) && h !== '/claims/page/'),
    );

/** The site's export named `name` (`/api/<name>.json`). */
async function api<T>(page: Page, name: string): Promise<T> {
  const r = await page.request.get(`${site.origin}/api/${name}.json`);
  expect(r.ok()).toBe(true);
  return (await r.json()) as T;
}

/** A topic as `/api/topics.json` gives it: its claims and the reports filed under it, by id. */
interface Topic {
  name: string;
  url: string;
  claims: unknown[];
  articles: string[];
}

/** The topic with the most claims in `/api/topics.json` (the generator spreads claims over a dozen topics). */
async function largestTopic(page: Page): Promise<Topic> {
  const { topics } = await api<{ topics: Topic[] }>(page, 'topics');
  return [...topics].sort((a, b) => b.claims.length - a.claims.length)[0]!;
}

/**
 * Follows the pager's "Next" link from `first` to the last page, checking on each page that the
 * pager marks it as the current page and that "Previous" leads back to the page before; returns
 * the paths visited and what `collect` read on each. The pager's links end with `fragment` (the
 * figures table's link to `#table`).
 */
async function walkPages<T>(
  page: Page,
  first: string,
  pager: string,
  collect: (page: Page) => Promise<T>,
  fragment = '',
): Promise<{ paths: string[]; seen: T[] }> {
  const paths: string[] = [];
  const seen: T[] = [];
  await go(page, first);
  for (;;) {
    const path = new URL(page.url()).pathname;
    paths.push(path);
    seen.push(await collect(page));
    const nav = page.getByRole('navigation', { name: pager, exact: true });
    await expect(nav.locator('a[aria-current="page"]')).toHaveText(`Page ${paths.length}`);
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', `${path}${fragment}`);
    const previous = nav.getByRole('link', { name: 'Previous page' });
    if (paths.length === 1) await expect(previous).toHaveCount(0);
    else await expect(previous).toHaveAttribute('href', `${paths.at(-2)!}${fragment}`);
    const next = nav.getByRole('link', { name: 'Next page' });
    if ((await next.count()) === 0) break;
    await next.click();
    // Waits for the next page to have loaded whole (its `load` event), not only for its address.
    await page.waitForURL(`${site.origin}${first}page/${paths.length + 1}/${fragment}`);
  }
  return { paths, seen };
}

test('the list of claims: Next goes through every page, each claim on exactly one, as many as the export has', async ({
  page,
}) => {
  const { paths, seen: links } = await walkPages(page, '/claims/', 'Pages of the list of claims', claimLinks);
  expect(paths.length).toBeGreaterThan(2);
  const all = links.flat();
  const exported = await api<{ claims: { url: string }[] }>(page, 'claims');
  expect(new Set(all).size).toBe(all.length);
  expect(all.sort()).toEqual(exported.claims.map((c) => new URL(c.url).pathname).sort());
  // Every page a share of the list, none empty.
  for (const l of links) expect(l.length).toBeGreaterThan(0);
});

test('a topic with more claims than a page: its pages hold each of its claims once, the reports filed only on the first', async ({
  page,
}) => {
  const topic = await largestTopic(page);
  const first = new URL(topic.url).pathname;
  const { paths, seen: links } = await walkPages(page, first, `Pages of ${topic.name}`, claimLinks);
  expect(paths.length).toBeGreaterThan(1);
  expect(links.flat().length).toBe(topic.claims.length);
  expect(new Set(links.flat()).size).toBe(topic.claims.length);
  await go(page, paths[0]!);
  await expect(page.locator('main')).toContainText(/reports filed under this topic:/i);
  await go(page, paths[1]!);
  await expect(page.locator('main')).not.toContainText(/reports filed under this topic:/i);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${topic.name}, page 2`);
});

test('the reports filed under a topic: its first page names the newest, its list has them all, newest first', async ({
  page,
}) => {
  const topic = await largestTopic(page);
  const { articles } = await api<{ articles: { url: string }[] }>(page, 'articles');
  // The export lists the reports newest first; the topic's, in the order the content was read.
  const filed = new Set(topic.articles.map((id) => `/articles/${id}/`));
  const newestFirst = articles.map((a) => new URL(a.url).pathname).filter((p) => filed.has(p));
  expect(newestFirst.length).toBe(filed.size);
  // On the topic's first page: the newest few, then a link to the whole list.
  await go(page, new URL(topic.url).pathname);
  const sentence = page.locator('main p', { hasText: 'reports filed under this topic:' });
  const named = await sentence
    .locator('a[href^="/articles/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(named.length).toBeGreaterThan(0);
  expect(named.length).toBeLessThan(filed.size);
  expect(named).toEqual(newestFirst.slice(0, named.length));
  await sentence
    .getByRole('link', { name: `all ${filed.size.toLocaleString('en-GB')}, listed with dates and summaries` })
    .click();
  const list = `${new URL(topic.url).pathname}reports/`;
  await page.waitForURL(`${site.origin}${list}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reports filed under ${topic.name}`);
  const cards = (p: Page): Promise<string[]> =>
    p.locator('main ul.cards h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const { paths, seen } = await walkPages(page, list, `Pages of the reports filed under ${topic.name}`, cards);
  expect(paths.length).toBeGreaterThan(1);
  expect(seen.flat()).toEqual(newestFirst);
});

test('the figures table, in value order: its pages hold every figure the claims give, once, largest first', async ({
  page,
}) => {
  const { claims } = await api<{ claims: { url: string; figures: unknown[] }[] }>(page, 'claims');
  // Each claim's page once per figure it gives.
  const expected = claims.flatMap((c) => c.figures.map(() => new URL(c.url).pathname)).sort();
  const { paths, seen } = await walkPages(
    page,
    '/figures/by-value/',
    'Pages of the figures table',
    (p) =>
      p.locator('main table tbody tr').evaluateAll((rows) =>
        rows.map((r) => ({
          claim: r.querySelector('td:last-child a')?.getAttribute('href') ?? '',
          // The figure as shown ("about 1,008 people"): its first number.
          value: Number((/[\d,.]+/.exec(r.querySelector('td.num')?.textContent ?? '') ?? ['NaN'])[0].replace(/,/g, '')),
        })),
      ),
    '#table',
  );
  expect(paths.length).toBeGreaterThan(1);
  const rows = seen.flat();
  expect(rows.map((r) => r.claim).sort()).toEqual(expected);
  // Largest first across the pages, not only within each.
  for (const [i, r] of rows.entries()) {
    expect(Number.isFinite(r.value)).toBe(true);
    if (i > 0) expect(r.value).toBeLessThanOrEqual(rows[i - 1]!.value);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Figures, page ${paths.length}`);
  await expect(page.locator('main .lede')).toContainText(
    `This page: rows ${(rows.length - seen.at(-1)!.length + 1).toLocaleString('en-GB')} to ${rows.length.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')}, by value.`,
  );
});

test('the list of events: its pages hold every event once, in the export’s (timeline) order', async ({ page }) => {
  const { events } = await api<{ events: { url: string }[] }>(page, 'events');
  const { paths, seen } = await walkPages(page, '/events/', 'Pages of the list of events', (p) =>
    p.locator('main .events-list h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
  );
  expect(paths.length).toBeGreaterThan(1);
  expect(seen.flat()).toEqual(events.map((e) => new URL(e.url).pathname));
});

test('the timeline: a year on another page is one click away, and lands on that year', async ({ page }) => {
  await go(page, '/timeline/');
  const years = page.getByRole('navigation', { name: 'Years' }).getByRole('link');
  const hrefs = await years.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  // A year that starts on a later page: its link names that page and the year's heading.
  const last = hrefs.findLast((h) => h.startsWith('/timeline/page/'));
  expect(last).toMatch(/^\/timeline\/page\/\d+\/#y\d{4}$/);
  await years.nth(hrefs.lastIndexOf(last!)).click();
  await expect(page).toHaveURL(`${site.origin}${last}`);
  const heading = page.locator(`h2[id="${last!.split('#')[1]}"]`);
  await expect(heading).toBeInViewport();
  // On its own page, the same year is a link within the page.
  const year = last!.split('#y')[1]!;
  await expect(
    page.getByRole('navigation', { name: 'Years' }).getByRole('link', { name: year, exact: true }),
  ).toHaveAttribute('href', `#y${year}`);
});

test('the pager works from the keyboard, with a visible focus ring', async ({ page }) => {
  await go(page, '/articles/');
  const next = page
    .getByRole('navigation', { name: 'Pages of the list of reports', exact: true })
    .getByRole('link', { name: 'Next page' });
  // Reached with Tab from the top of the page (the skip link, the header, the pager's numbers).
  for (let i = 0; i < 40 && !(await next.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await expect(next).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${site.origin}/articles/page/2/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('page 2');
});

// Page 2 of each list, where the pager has both ends: axe in light and dark, and no sideways
// scrolling on a phone.
const SECOND_PAGES = [
  '/claims/page/2/',
  '/timeline/page/2/',
  '/articles/page/2/',
  '/events/page/2/',
  '/figures/by-date/page/2/',
];

/** Page 2 of the topic with the most claims (the only topics with two pages), and of the reports filed under it. */
async function topicSecondPages(page: Page): Promise<string[]> {
  const topic = new URL((await largestTopic(page)).url).pathname;
  return [`${topic}page/2/`, `${topic}reports/page/2/`];
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the second page of each list (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [...SECOND_PAGES, ...(await topicSecondPages(page))]) {
      await go(page, path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    }
  });
}

test('on a phone the pager wraps: no page of a list scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of [...SECOND_PAGES, ...(await topicSecondPages(page))]) {
    await go(page, path);
    await expect(page.locator('nav.pager').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('the W3C Nu HTML checker finds no error on the pages of the lists', async ({ page }) => {
  test.setTimeout(120_000);
  const topics = (await topicSecondPages(page)).map((p) => p.slice(1).replace(/page\/2\/$/, ''));
  const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');
  const files = ['claims', 'timeline', 'articles', 'events', 'figures', 'figures/by-claimant', ...topics].flatMap(
    (list) => [join(site.dir, list, 'index.html'), join(site.dir, list, 'page/2/index.html')],
  );
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...files], { encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
  expect(r.status).toBe(0);
});
