import { expect, test } from '@playwright/test';
import { claims, events } from './data';

// A phone (390×844): the event graph is reachable whole, a search's first result is on the first
// screen, and no search box cuts its placeholder short. Light and dark are the same layout.

test.use({ viewport: { width: 390, height: 844 } });

// Picked from the build's export: the event told by the most reports (its graph is the widest),
// and one told by the fewest.
const byTellings = [...events].sort((a, b) => b.tellings.length - a.tellings.length);
const GRAPH_EVENT = new URL(byTellings[0]!.url).pathname;
const NARROW_EVENT = byTellings.at(-1)!;

test('the relation graph fits the screen as a box, says it scrolls, and scrolls to its last report', async ({
  page,
}) => {
  await page.goto(GRAPH_EVENT);
  const wrap = page.locator('.graph-wrap');
  const box = (await wrap.boundingBox())!;
  // The box itself stays on the screen…
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // …and the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The drawing is wider than the box: the box scrolls, and says so.
  const { scrollWidth, clientWidth } = await wrap.evaluate((e) => ({
    scrollWidth: e.scrollWidth,
    clientWidth: e.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await expect(wrap).toHaveClass(/\boverflows\b/);
  await expect(page.locator('.graph-hint')).toBeVisible();
  await expect(page.locator('.graph-hint')).toHaveText(/scroll it sideways/);
  // Scrolled by keyboard to its end, the last report's column and every node are inside the box.
  await wrap.focus();
  await page.keyboard.press('End');
  await wrap.evaluate((e) => (e.scrollLeft = e.scrollWidth));
  const after = (await wrap.boundingBox())!;
  const columns = page.locator('.graph-wrap text.col');
  const last = (await columns.last().boundingBox())!;
  expect(last.x).toBeGreaterThanOrEqual(after.x);
  expect(last.x + last.width).toBeLessThanOrEqual(after.x + after.width);
  const nodes = await page
    .locator('.graph-wrap .node rect')
    .evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().right));
  expect(Math.max(...nodes)).toBeLessThanOrEqual(after.x + after.width);
});

test('on a wide screen a graph that fits has no scroll hint', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Two reports (or three): a column each, well inside a wide screen.
  expect(NARROW_EVENT.tellings.length).toBeLessThanOrEqual(3);
  await page.goto(new URL(NARROW_EVENT.url).pathname);
  await expect(page.locator('.graph-wrap')).not.toHaveClass(/\boverflows\b/);
  await expect(page.locator('.graph-hint')).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the figures' charts are text at the page's size, their bars inside the screen (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/figures/');
    const rows = page.locator('.chart-figure .bars > li');
    // The real reports give casualty counts and rates of advance: both charts are drawn.
    await expect(page.locator('.chart-figure')).toHaveCount(2);
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const seen = await rows.evaluateAll((items) =>
      items.map((li) => {
        const text = li.querySelector('.bar-text')!;
        const label = li.querySelector('.bar-label')!.getBoundingClientRect();
        const track = li.querySelector('svg.bar')!.getBoundingClientRect();
        const bar = li.querySelector('svg.bar rect')!.getBoundingClientRect();
        return {
          font: parseFloat(getComputedStyle(text).fontSize),
          labelHeight: label.height,
          trackRight: track.right,
          trackWidth: track.width,
          barWidth: bar.width,
          first: li === li.parentElement!.firstElementChild,
        };
      }),
    );
    for (const r of seen) {
      // Drawn at least 14 px high: an SVG scaled to the screen drew these labels about 6 px high.
      expect(r.font).toBeGreaterThanOrEqual(14);
      expect(r.labelHeight).toBeGreaterThanOrEqual(14);
      expect(r.trackRight).toBeLessThanOrEqual(390);
      expect(r.barWidth).toBeGreaterThan(0);
      expect(r.barWidth).toBeLessThanOrEqual(r.trackWidth + 0.5);
    }
    // Largest first: each chart's first bar fills its track.
    for (const r of seen.filter((x) => x.first)) expect(r.barWidth).toBeCloseTo(r.trackWidth, 0);
  });

  test(`a search's first result is on the first screen (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    // A word the corpus has: the last word of the first named claimant's name.
    const word = claims
      .find((c) => c.claimant.id !== 'the-report')!
      .claimant.name.split(' ')
      .at(-1)!;
    await page.goto(`/search/?q=${encodeURIComponent(word)}`);
    const first = page.locator('#results > li').first();
    await expect(first).toBeVisible();
    // Every filter panel starts closed on a phone.
    expect(await page.locator('details[data-facet][open]').count()).toBe(0);
    const top = (await first.boundingBox())!.y;
    expect(top).toBeLessThan(844 - 60);
  });
}

test('the figures table: a row a block on a phone, each cell named by its column; side by side on a wide screen', async ({
  page,
}) => {
  await page.goto('/figures/');
  const table = page.locator('table.figure-table');
  const headers = await table.locator('thead th').allTextContents();
  expect(headers.length).toBeGreaterThan(1);
  // Still a table to assistive technology: every row's cells are cells under those headers.
  await expect(page.getByRole('table')).toHaveCount(1);
  const rows = await table.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  await expect(page.getByRole('columnheader')).toHaveCount(headers.length);
  await expect(page.getByRole('cell')).toHaveCount(rows * headers.length);
  const layout = () =>
    table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.children].map((td) => {
          const box = td.getBoundingClientRect();
          return { left: box.left, top: box.top, right: box.right, name: getComputedStyle(td, '::before').content };
        }),
      ),
    );
  // Nothing to scroll sideways, neither the page nor the table's box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const wrap = page.locator('.table-wrap').filter({ has: table });
  expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  for (const cells of await layout()) {
    // One cell a line, all from the same left edge, each after its column's name.
    expect(new Set(cells.map((c) => Math.round(c.left))).size).toBe(1);
    for (let i = 1; i < cells.length; i++) expect(cells[i]!.top).toBeGreaterThan(cells[i - 1]!.top);
    expect(cells.map((c) => c.name)).toEqual(headers.map((h) => `"${h}: "`));
    expect(Math.max(...cells.map((c) => c.right))).toBeLessThanOrEqual(390);
  }
  // On a wide screen the header row shows and the row's cells are side by side, unnamed.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(table.locator('thead th').first()).toBeVisible();
  await expect
    .poll(async () => (await layout()).every((cells) => new Set(cells.map((c) => Math.round(c.top))).size === 1))
    .toBe(true);
  expect((await layout()).flat().every((c) => c.name === 'none' || c.name === 'normal')).toBe(true);
});

test('no search box cuts its placeholder short', async ({ page }) => {
  for (const [path, selector] of [
    ['/', '#home-q'],
    ['/', '.site-header input[name="q"]'],
    ['/search/', '#q'],
  ] as const) {
    await page.goto(path);
    const fits = await page.locator(selector).evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: ctx.measureText(input.placeholder).width, room };
    });
    expect(fits.text, `${path} ${selector}`).toBeLessThanOrEqual(fits.room);
  }
});
