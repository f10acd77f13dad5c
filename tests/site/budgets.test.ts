import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { $$, readingPages, readSite } from './dist';

const gz = (s: string): number => gzipSync(s).length;

// Page-weight budgets over every reading page: HTML plus its CSS at most 20 KB gzip, and no
// more than 5 KB gzip of JavaScript, none of it search code.
describe('page-weight budgets', () => {
  const pages = readingPages();
  test('there are reading pages of every type', () => {
    for (const prefix of [
      '/index.html',
      '/articles/',
      '/claims/',
      '/sources/',
      '/topics/',
      '/timeline/',
      '/figures/',
    ]) {
      expect(
        pages.some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  test('HTML + CSS ≤ 20 KB gzip, JS ≤ 5 KB gzip, no pagefind', () => {
    const over: string[] = [];
    for (const page of pages) {
      const html = readSite(page);
      const css = $$(page, 'link[rel~="stylesheet"]').map((l) => readSite(String(l.properties['href'])));
      const js = $$(page, 'script[src]').map((s) => readSite(String(s.properties['src'])));
      const htmlCss = gz(html) + css.reduce((n, c) => n + gz(c), 0);
      const jsBytes = js.reduce((n, c) => n + gz(c), 0);
      if (htmlCss > 20 * 1024) over.push(`${page}: HTML+CSS ${htmlCss} B gzip`);
      if (jsBytes > 5 * 1024) over.push(`${page}: JS ${jsBytes} B gzip`);
      if (/\/pagefind\//.test(html + js.join(''))) over.push(`${page}: loads search code`);
    }
    expect(over).toEqual([]);
  });

  test('search code is only on the search page', () => {
    expect(readSite('/search/index.html')).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js">/);
    const js = $$('/search/index.html', 'script[src]').map((s) => readSite(String(s.properties['src'])));
    // pagefind.js under the site's base (Vite writes the base into the script).
    expect(js.join('')).toContain('pagefind/pagefind.js');
  });
});
