import { expect, test } from '@playwright/test';
import { events } from './data';

// Over the real content only what holds for any corpus: every event page sets out the tellings the
// build's export lists, in its order. The event page's behaviour (side by side, differences,
// evidence, the graph, the evidence filter) is tested on the fixture corpus, with expectations
// written for it: tests/e2e/fixture-corpus.spec.ts.

test('every event page shows each telling the export lists, in its order, with its claims', async ({ page }) => {
  test.setTimeout(300_000);
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) {
    await page.goto(new URL(e.url).pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.name);
    const tellings = page.locator('.telling');
    await expect(tellings.locator('h3'), e.id).toHaveText(e.tellings.map((t) => new RegExp(escape(t.article.title))));
    for (const [i, t] of e.tellings.entries())
      for (const c of t.claims) await expect(tellings.nth(i).locator(`#p_claim-${c.label}`), c.id).toHaveCount(1);
  }
});

/** A string as a regular expression that matches it literally. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
