import { describe, expect, test } from 'vitest';
import { toString } from 'hast-util-to-string';
import { $$, htmlPages, readSite, resolveUrlPath } from './dist';
import { XMLParser } from 'fast-xml-parser';
import { projectCorpus } from './build-site';
import { apiArticlesSchema, apiClaimsSchema, apiSourcesSchema, apiTopicsSchema } from '../../src/schemas/api';

const SITE = 'http://127.0.0.1:4321';
const local = (url: string): string => {
  expect(url.startsWith(SITE), url).toBe(true);
  return url.slice(SITE.length);
};
const jsonLd = (page: string): Record<string, unknown>[] =>
  $$(page, 'script[type="application/ld+json"]').map((s) => JSON.parse(toString(s)) as Record<string, unknown>);

describe('sharing metadata on every page', () => {
  test('canonical, title, description, Open Graph and Twitter tags', () => {
    const missing: string[] = [];
    for (const page of htmlPages()) {
      for (const sel of [
        'link[rel="canonical"]',
        'meta[name="description"]',
        'meta[property="og:title"]',
        'meta[property="og:description"]',
        'meta[property="og:url"]',
        'meta[property="og:image"]',
        'meta[property="og:image:alt"]',
        'meta[name="twitter:card"]',
        'meta[name="twitter:image"]',
        'meta[name="twitter:image:alt"]',
      ]) {
        if ($$(page, sel).length !== 1) missing.push(`${page}: ${sel}`);
      }
      if (!$$(page, 'title')[0] || !toString($$(page, 'title')[0]!).trim()) missing.push(`${page}: title`);
    }
    expect(missing).toEqual([]);
    expect(resolveUrlPath('/og.png')).toBe('/og.png');
    // The share card and its alt text are the same on every page, and the alt text is not empty.
    for (const page of htmlPages()) {
      expect($$(page, 'meta[name="twitter:image"]')[0]!.properties['content'], page).toBe(`${SITE}/og.png`);
      expect(String($$(page, 'meta[name="twitter:image:alt"]')[0]!.properties['content']).length, page).toBeGreaterThan(20);
    }
  });
});

describe('JSON-LD', () => {
  const claims = apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).claims;
  test('every claim page carries a schema.org Claim with text, author, appearance and date', () => {
    for (const c of claims) {
      const page = resolveUrlPath(local(c.url))!;
      const [ld] = jsonLd(page);
      expect(ld, page).toMatchObject({ '@context': 'https://schema.org', '@type': 'Claim', text: c.quote, url: c.url });
      expect(ld!['author']).toMatchObject({ '@type': expect.stringMatching(/^(Person|Organization)$/), name: c.claimant.name });
      expect(ld!['appearance']).toMatchObject({ '@type': expect.stringMatching(/Article$/), url: c.article.url });
      // Dates are checked against the content in dates.test.ts.
    }
  });
  test('report pages carry an Article with no invented publisher or author', () => {
    const byId = new Map(projectCorpus().articles.map((a) => [a.id, a.data]));
    for (const page of htmlPages().filter((p) => /^\/articles\/[^/]+\/index\.html$/.test(p))) {
      const [ld] = jsonLd(page);
      const data = byId.get(page.split('/')[2]!)!;
      expect(ld!['@type']).toMatch(/^(NewsArticle|Article)$/);
      expect(ld).toHaveProperty('headline');
      // Only an outlet the report states, and a byline it gives, are published as fact.
      if (data.outlet.basis === 'stated') expect(ld!['publisher'], page).toMatchObject({ '@type': 'Organization', url: `${SITE}/sources/${data.outlet.id}/` });
      else expect(ld, page).not.toHaveProperty('publisher');
      if (data.byline) expect(ld!['author'], page).toEqual({ '@type': 'Person', name: data.byline });
      else expect(ld, page).not.toHaveProperty('author');
    }
  });
  test('source pages carry a Person or an Organization', () => {
    for (const page of htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p))) {
      const [ld] = jsonLd(page);
      expect(ld!['@type'], page).toMatch(/^(Person|Organization)$/);
      expect(ld).toHaveProperty('name');
    }
  });
});

describe('exports', () => {
  test('the four JSON exports match their schemas', () => {
    const corpus = projectCorpus();
    expect(apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).count).toBe(corpus.claims.length);
    expect(apiArticlesSchema.parse(JSON.parse(readSite('/api/articles.json'))).count).toBe(corpus.articles.length);
    expect(apiSourcesSchema.parse(JSON.parse(readSite('/api/sources.json'))).sources).toHaveLength(corpus.sources.length);
    expect(apiTopicsSchema.parse(JSON.parse(readSite('/api/topics.json'))).topics).toHaveLength(corpus.topics.length);
  });
  test('every exported claim has its page, its anchor in its report, and citation files', () => {
    for (const c of apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).claims) {
      expect(resolveUrlPath(local(c.url)), c.url).toBeDefined();
      const anchor = new URL(c.article.anchorUrl);
      const page = resolveUrlPath(anchor.pathname)!;
      expect($$(page, `mark[id="${anchor.hash.slice(1)}"]`), c.article.anchorUrl).toHaveLength(1);
      expect(resolveUrlPath(`${local(c.url)}cite.bib`)).toBeDefined();
      expect(JSON.parse(readSite(`${local(c.url)}cite.json`))[0].URL).toBe(c.url);
    }
  });
  test('the RSS feed and the sitemap parse, and every URL in them resolves', () => {
    const xml = new XMLParser();
    const feed = xml.parse(readSite('/rss.xml'));
    const items = feed.rss.channel.item as { link: string }[];
    const corpus = projectCorpus();
    expect(items.length).toBe(corpus.articles.length + corpus.claims.length);
    for (const i of items) expect(resolveUrlPath(local(i.link)), i.link).toBeDefined();
    const index = xml.parse(readSite('/sitemap-index.xml'));
    const maps = [index.sitemapindex.sitemap].flat() as { loc: string }[];
    const urls = maps.flatMap((m) => [xml.parse(readSite(local(m.loc))).urlset.url].flat() as { loc: string }[]);
    // At least a page per report, claim, source and topic.
    expect(urls.length).toBeGreaterThanOrEqual(corpus.articles.length + corpus.claims.length + corpus.sources.length + corpus.topics.length);
    for (const u of urls) expect(resolveUrlPath(local(u.loc)), u.loc).toBeDefined();
  });
});
