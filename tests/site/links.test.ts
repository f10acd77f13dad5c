import { describe, expect, test } from 'vitest';
import { $$, htmlPages, parsePage, resolveUrlPath } from './dist';
import { selectAll } from 'hast-util-select';
import { NAV } from '../../src/lib/site';
import { projectCorpus } from './build-site';

// Our own link check over the built HTML (as withastro/docs does): every internal href and src
// must name a file that exists, and every #fragment an id on the target page.
describe('internal links and fragments', () => {
  const pages = htmlPages();
  const idsOf = new Map<string, Set<string>>();
  const ids = (page: string): Set<string> => {
    let s = idsOf.get(page);
    if (!s) {
      s = new Set(selectAll('[id]', parsePage(page)).map((e) => String(e.properties['id'])));
      idsOf.set(page, s);
    }
    return s;
  };

  test('there are pages to check', () => {
    const c = projectCorpus();
    // A page per report, claim, source and topic at the least.
    expect(pages.length).toBeGreaterThanOrEqual(
      c.articles.length + c.claims.length + c.sources.length + c.topics.length,
    );
  });

  test('no broken link or fragment anywhere', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const el of $$(page, 'a[href], link[href], script[src], img[src]')) {
        const raw = String(el.properties['href'] ?? el.properties['src']);
        if (/^(https?:|mailto:|data:)/.test(raw)) continue;
        const url = new URL(raw, `http://site${page.replace(/index\.html$/, '')}`);
        const target =
          url.pathname === page.replace(/index\.html$/, '') && raw.startsWith('#')
            ? page
            : resolveUrlPath(url.pathname);
        checked++;
        if (!target) {
          broken.push(`${page}: ${raw} (no such file)`);
          continue;
        }
        const frag = decodeURIComponent(url.hash.slice(1));
        if (frag && target.endsWith('.html') && !ids(target).has(frag))
          broken.push(`${page}: ${raw} (no id "${frag}" in ${target})`);
      }
    }
    // Every page links to every section at the least.
    expect(checked).toBeGreaterThan(pages.length * NAV.length);
    expect(broken).toEqual([]);
  });

  test('external links are only the licence and schema.org identifiers', () => {
    const external = new Set<string>();
    for (const page of pages) for (const el of $$(page, 'a[href^="http"]')) external.add(String(el.properties['href']));
    expect([...external]).toEqual(['https://creativecommons.org/licenses/by-sa/4.0/']);
  });
});
