// Measures search in a real browser against a served build, for each pair of words: bytes
// transferred from opening the search page to the first results (page, UI, pagefind and index),
// the time from the last keystroke to those results (the box's 150 ms debounce included), and,
// with the index warm, the time of a second query: from the Enter key (which runs the search at
// once, without the debounce) to its first result.
import { chromium } from '@playwright/test';
import { median } from './measure.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

/**
 * Resolves in the page with the time the first result of a new list is shown: an item of the
 * new list that is filled (the list puts placeholders in rank order and fills each as its
 * fragment arrives; a placeholder is `aria-busy`). `__allResults` resolves when the list is no
 * longer busy, every result of the page filled.
 */
const armResults = () => {
  const w = window;
  const list = document.getElementById('results');
  for (const li of list.children) li.dataset.old = '1';
  const when = (test) =>
    new Promise((resolve) => {
      new MutationObserver((_, obs) => {
        if (test()) {
          obs.disconnect();
          resolve(performance.now());
        }
      }).observe(list, { childList: true, subtree: true, attributes: true });
    });
  w.__results = when(() => list.querySelector(':scope > li:not([data-old]):not([aria-busy="true"])'));
  w.__allResults = when(
    () => list.querySelector(':scope > li:not([data-old])') && list.getAttribute('aria-busy') === 'false',
  );
};

export async function measureSearch(baseUrl, queries) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const firstBytes = [];
    const latencies = [];
    const second = [];
    for (const [q, q2] of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Every finished request, the search worker's included, counted as body plus headers.
      let bytes = 0;
      const pending = [];
      page.on('requestfinished', (r) =>
        pending.push(
          r.sizes().then(
            (s) => (bytes += s.responseBodySize + s.responseHeadersSize),
            () => undefined, // the context closed first: a request of the second query, not counted
          ),
        ),
      );
      await page.goto(`${baseUrl}/search/`, { waitUntil: 'networkidle' });
      // Timed inside the page: from the last input event to the first result in the list.
      await page.evaluate(() =>
        document.getElementById('q').addEventListener('input', () => (window.__lastInput = performance.now())),
      );
      await page.evaluate(armResults);
      await page.locator('#q').click();
      await page.keyboard.type(q, { delay: 30 });
      const ms = await page.evaluate(async () => (await window.__results) - window.__lastInput);
      // Every result of the page shown, so every fragment counted: the worker's requests do not
      // hold off 'networkidle', and the first result is shown before the other nine arrive.
      await page.evaluate(() => window.__allResults);
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      firstBytes.push(bytes);
      latencies.push(ms);
      if (q2) {
        await page.locator('#q').fill(q2);
        await page.evaluate(armResults);
        await page.evaluate(() =>
          document
            .getElementById('q')
            .addEventListener('keydown', () => (window.__enter = performance.now()), { once: true }),
        );
        await page.keyboard.press('Enter');
        second.push(await page.evaluate(async () => (await window.__results) - window.__enter));
        await page.evaluate(() => window.__allResults);
      }
      await context.close();
    }
    return {
      firstQueryBytes: median(firstBytes),
      keystrokeToResultsMs: median(latencies),
      secondQueryMs: second.length ? median(second) : NaN,
    };
  } finally {
    await browser.close();
  }
}
