// Measures search in a real browser against a served build: bytes transferred from opening the
// search page to the first results (page, UI, pagefind and index), and the time from the last
// keystroke to results, over several queries.
import { chromium } from '@playwright/test';
import { median } from './measure.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

export async function measureSearch(baseUrl, queries) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const firstBytes = [];
    const latencies = [];
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Every finished request, the search worker's included, counted as body plus headers.
      let bytes = 0;
      const pending = [];
      page.on('requestfinished', (r) => pending.push(r.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize))));
      await page.goto(`${baseUrl}/search/`, { waitUntil: 'networkidle' });
      // Timed inside the page: from the last input event to the first result in the list.
      await page.evaluate(() => {
        const w = window;
        const input = document.getElementById('q');
        input.addEventListener('input', () => (w.__lastInput = performance.now()));
        w.__results = new Promise((resolve) => {
          new MutationObserver(() => {
            if (document.querySelector('#results > li')) resolve(performance.now());
          }).observe(document.getElementById('results'), { childList: true });
        });
      });
      await page.locator('#q').click();
      await page.keyboard.type(q, { delay: 30 });
      const ms = await page.evaluate(async () => (await window.__results) - window.__lastInput);
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      firstBytes.push(bytes);
      latencies.push(ms);
      await context.close();
    }
    return { firstQueryBytes: median(firstBytes), keystrokeToResultsMs: median(latencies) };
  } finally {
    await browser.close();
  }
}
