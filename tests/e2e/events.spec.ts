import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DECREE = '/events/september-2022-mobilization-decree/';
// How many origins the texts credit independently is computed from the content: read from the
// build's own export, so a telling added to the event moves the expectation with it.
const decree = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../dist/api/events.json'), 'utf8')) as {
    events: { id: string; evidence: { independent: number } }[];
  }
).events.find((e) => e.id === 'september-2022-mobilization-decree')!;

test('an event page sets the tellings side by side, marks differences, names origins and draws the graph', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(DECREE);
  const tellings = page.locator('.telling');
  await expect(tellings).toHaveCount(2);
  await expect(tellings.nth(0).locator('h3')).toContainText('Is Putin planning a second mobilization');
  await expect(tellings.nth(1).locator('h3')).toContainText('Excerpts on the 2022 Russian mobilization');
  // Side by side on a desktop: same top, the second to the right of the first.
  const [a, b] = [await tellings.nth(0).boundingBox(), await tellings.nth(1).boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

  // Each claim with its chain and hedge.
  const b1 = page.locator('#p_claim-B1');
  // Wikipedia is the excerpt's outlet inferred from its form: marked so in the chain.
  await expect(b1.locator('.chain li')).toHaveText(['the report', 'Wikipedia (inferred)', 'Novaya Gazeta']);
  await expect(tellings.nth(1).locator('.note').first()).toContainText('relay chain: Wikipedia (inferred)');
  // A figure's hedge is not set against an explanation's "possible": not marked as differing.
  await expect(b1.locator('dt:text-is("Hedge") + dd')).toHaveText('asserted');
  await expect(page.locator('#p_claim-B3 dt:text-is("Hedge") + dd')).toHaveText('doubted');
  // The different number is marked on both sides and listed with both values.
  await expect(page.locator('#p_claim-A2 dt:text-is("Figures") + dd .diff-badge')).toHaveText('differs');
  await expect(b1.locator('dt:text-is("Figures") + dd .diff-badge')).toHaveText('differs');
  await expect(page.locator('#p_differences + ul li[data-kind="figure"]')).toHaveText(
    'Number: people the decree allows to be called up: “300,000 people” in A2 · “up to 1,000,000 men” in B1',
  );
  // A2 dates the decree (about), B1 dates Novaya Gazeta's report (said): not compared, so no date difference.
  await expect(
    page.locator('#p_differences + ul li[data-kind="about"], #p_differences + ul li[data-kind="stated"]'),
  ).toHaveCount(0);
  // The reports' relay chains are one line, not a difference of every claim.
  await expect(page.locator('#p_differences + ul li[data-kind="relay"]')).toHaveCount(1);

  // Evidence: the label, and the origins named and linked.
  const evidence = page.locator('[aria-labelledby="p_evidence-h"]');
  await expect(evidence.locator('.evidence-label')).toHaveText([
    `${decree.evidence.independent} independent origins`,
    'Disputed',
  ]);
  await expect(evidence.getByRole('link', { name: 'Novaya Gazeta' })).toHaveAttribute(
    'href',
    '/sources/novaya-gazeta/',
  );
  // Who disputes what, in the relation's direction: the party whose address is doubted is no disputer.
  await expect(evidence.locator('.disputes li')).toHaveText([/^Pavel Chikov doubts what Vladimir Putin says/]);

  // The graph: drawn, with its text equivalent, and a link from a difference lands on the claim.
  const graph = page.getByRole('img', { name: /Relation graph of “The September 2022 partial mobilization decree”/ });
  await expect(graph).toBeVisible();
  await expect(graph.locator('text', { hasText: 'B1 · Novaya Gazeta' })).toHaveCount(1);
  await expect(page.locator('#p_relations-text li').first()).toHaveText(/B1 \(Novaya Gazeta\) qualifies A2/);
  await page.locator('#p_differences + ul li[data-kind="figure"]').getByRole('link', { name: 'B1' }).click();
  await expect(page).toHaveURL(/#p_claim-B1$/);
  await expect(b1).toBeInViewport();
});

test('on a phone the tellings stack, one after another', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(DECREE);
  const tellings = page.locator('.telling');
  await expect(tellings).toHaveCount(2);
  const [a, b] = [await tellings.nth(0).boundingBox(), await tellings.nth(1).boundingBox()];
  expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
  expect(a!.width).toBeLessThanOrEqual(390);
});

test('two reports relaying ISW are labelled a single origin; the claim page links to its event', async ({ page }) => {
  await page.goto('/claims/putin-avoiding-new-partial-mobilization/');
  await expect(page.locator('.evidence .evidence-label')).toHaveText(['Single origin']);
  await page.getByRole('link', { name: 'ISW: Putin avoids a new partial mobilization' }).click();
  await expect(page).toHaveURL(/\/events\/isw-putin-averse-to-new-partial-mobilization\/$/);
  await expect(page.locator('.evidence-reasoning')).toHaveText(
    /all trace back to Institute for the Study of War, so they are one origin, not independent corroboration/,
  );
  await expect(page.locator('#p_differences + ul li[data-kind="relay"]')).toHaveText(
    "Report's relay chain: “relays no source as a whole” in report A · “Fakti (inferred) → News.bg” in report B",
  );
});

test('the evidence filter narrows the results and is kept in the URL', async ({ page }) => {
  await page.goto('/search/?q=Peskov');
  const status = page.locator('#search-status');
  const list = page.locator('#results');
  // The status counts the reports that match; the list shows their claims (fewer than a page of ten
  // here), so the claims are counted in the list once it is no longer busy.
  const results = (): Promise<string[]> =>
    list.locator('a.result-title').evaluateAll((as) => as.map((x) => x.getAttribute('href') ?? ''));
  await expect(status).toHaveText(
    /^(1 report matches|\d+ reports match) “Peskov”; (it|each) is listed with its matching claims\.$/,
  );
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('#more')).toBeHidden();
  const before = await results();

  await page.locator('summary', { hasText: 'Evidence' }).click();
  await page.getByLabel(/^Disputed \(/).check();
  await expect(page).toHaveURL(/[?&]evidence=Disputed(&|$)/);
  await expect(status).toHaveText(
    /^(1 report matches|\d+ reports match) “Peskov”, Disputed; (it|each) is listed with its matching claims\.$/,
  );
  await expect(list).toHaveAttribute('aria-busy', 'false');
  const after = await results();
  expect(after.length).toBeGreaterThan(0);
  expect(after.length).toBeLessThan(before.length);
  // Since the re-audit, analysts contradict Peskov's refutation; the report that reads his denial
  // of a second wave as leaving one open only qualifies it, so that denial is not disputed.
  expect(after).toContain('/claims/peskov-refuted-this-claim/');
  expect(before).toContain('/claims/peskov-kremlin-not-discussing-second-wave/');
  expect(after).not.toContain('/claims/peskov-kremlin-not-discussing-second-wave/');

  // The URL alone restores the filter.
  await page.reload();
  await expect(page.getByLabel(/^Disputed \(/)).toBeChecked();
  await expect(status).toHaveText(
    /^(1 report matches|\d+ reports match) “Peskov”, Disputed; (it|each) is listed with its matching claims\.$/,
  );
  await expect.poll(results).toEqual(after);
  // Back undoes it.
  await page.goBack();
  await expect(page).toHaveURL(/\/search\/\?q=Peskov$/);
  await expect.poll(results).toEqual(before);
});
