import { describe, expect, test } from 'vitest';
import { toString } from 'hast-util-to-string';
import { $$, htmlPages, readSite, resolveUrlPath } from './dist';
import { XMLParser } from 'fast-xml-parser';
import { projectCorpus } from './build-site';
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiArticlesSchema, apiClaimsSchema, apiSourcesSchema, apiTopicsSchema } from '../../src/schemas/api';
import { vocabularyProblems } from './schema-org';
import { FEED_SIZE } from '../../src/lib/exports/feed';

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
      expect(String($$(page, 'meta[name="twitter:image:alt"]')[0]!.properties['content']).length, page).toBeGreaterThan(
        20,
      );
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
      // The report's own voice ("The report itself") is nobody's name: no author is asserted for
      // it (no report here gives a byline or states its outlet).
      if (c.claimant.id === 'the-report') expect(ld, page).not.toHaveProperty('author');
      else
        expect(ld!['author']).toMatchObject({
          '@type': expect.stringMatching(/^(Person|Organization)$/),
          name: c.claimant.name,
        });
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
      if (data.outlet.basis === 'stated')
        expect(ld!['publisher'], page).toMatchObject({
          '@type': 'Organization',
          url: `${SITE}/sources/${data.outlet.id}/`,
        });
      else expect(ld, page).not.toHaveProperty('publisher');
      if (data.byline) expect(ld!['author'], page).toEqual({ '@type': 'Person', name: data.byline });
      else expect(ld, page).not.toHaveProperty('author');
    }
  });
  test('the home, event and topic pages carry a WebSite, an Event and a CollectionPage', () => {
    expect(jsonLd('/index.html')[0]).toMatchObject({ '@type': 'WebSite', name: 'Claim Ledger', url: `${SITE}/` });
    const events = htmlPages().filter((p) => /^\/events\/[^/]+\/index\.html$/.test(p));
    const topics = htmlPages().filter((p) => /^\/topics\/[^/]+\/index\.html$/.test(p));
    expect(events.length).toBeGreaterThan(0);
    expect(topics.length).toBeGreaterThan(0);
    for (const page of events) {
      const [ld] = jsonLd(page);
      expect(ld, page).toMatchObject({ '@type': 'Event', url: `${SITE}${page.replace(/index\.html$/, '')}` });
      expect((ld!['subjectOf'] as unknown[]).length, page).toBeGreaterThan(0);
    }
    for (const page of topics)
      expect(jsonLd(page)[0], page).toMatchObject({
        '@type': 'CollectionPage',
        url: `${SITE}${page.replace(/index\.html$/, '')}`,
      });
  });
  test("every page's JSON-LD uses only schema.org types and properties (tests/site/schema-org.ts)", () => {
    const problems = htmlPages().flatMap((page) => jsonLd(page).flatMap((ld) => vocabularyProblems(ld, page)));
    expect(problems).toEqual([]);
    // The check does find a stray property.
    expect(
      vocabularyProblems({ '@type': 'Claim', author: { '@type': 'Organization', name: 'x', byline: 'y' } }, 'p'),
    ).toEqual(['p.author: Organization has no property byline']);
  });
  test('source pages carry a Person or an Organization', () => {
    for (const page of htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p))) {
      const [ld] = jsonLd(page);
      expect(ld!['@type'], page).toMatch(/^(Person|Organization)$/);
      expect(ld).toHaveProperty('name');
    }
  });
});

describe("claim pages: the report's own voice, the citation links", () => {
  const claims = apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).claims;
  test('"The report itself" is labelled the report\'s own voice, and is the author of no citation', () => {
    const own = claims.filter((c) => c.claimant.id === 'the-report');
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) {
      const page = resolveUrlPath(local(c.url))!;
      const claimant = $$(page, 'dt').find((dt) => toString(dt) === 'Claimant')!;
      const dd = $$(page, 'dl.meta > dd')[$$(page, 'dl.meta > dt').indexOf(claimant)]!;
      expect(toString(dd), page).toBe("The report itself (the report's own voice)");
      expect(readSite(`${local(c.url)}cite.bib`), c.id).not.toMatch(/^\s*author = /m);
      expect(JSON.parse(readSite(`${local(c.url)}cite.json`))[0], c.id).not.toHaveProperty('author');
      expect(toString($$(page, 'pre.cite')[0]!), c.id).not.toContain('The report itself');
    }
    // A named claimant is still the author.
    const named = claims.find((c) => c.claimant.id !== 'the-report')!;
    expect(readSite(`${local(named.url)}cite.bib`)).toContain(`author = {{${named.claimant.name}}}`);
  });
  test('the download links read "BibTeX · CSL-JSON"', () => {
    for (const c of claims.slice(0, 20)) {
      const p = $$(resolveUrlPath(local(c.url))!, 'a[download]')[0]!;
      expect(p).toBeDefined();
    }
    const page = resolveUrlPath(local(claims[0]!.url))!;
    const line = $$(page, 'p').find((p) => toString(p).includes('BibTeX'))!;
    expect(toString(line).replace(/\s+/g, ' ').trim()).toBe('Download: BibTeX · CSL-JSON');
  });
});

describe('exports', () => {
  test('the four JSON exports match their schemas', () => {
    const corpus = projectCorpus();
    expect(apiClaimsSchema.parse(JSON.parse(readSite('/api/claims.json'))).count).toBe(corpus.claims.length);
    expect(apiArticlesSchema.parse(JSON.parse(readSite('/api/articles.json'))).count).toBe(corpus.articles.length);
    expect(apiSourcesSchema.parse(JSON.parse(readSite('/api/sources.json'))).sources).toHaveLength(
      corpus.sources.length,
    );
    expect(apiTopicsSchema.parse(JSON.parse(readSite('/api/topics.json'))).topics).toHaveLength(corpus.topics.length);
  });
  test('each JSON export names its JSON Schema, published beside it, and is valid under it (ajv)', () => {
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    for (const name of ['claims', 'articles', 'sources', 'topics', 'events']) {
      const data = JSON.parse(readSite(`/api/${name}.json`)) as Record<string, unknown>;
      expect(data['$schema']).toBe(`${SITE}/api/${name}.schema.json`);
      const schema = JSON.parse(readSite(local(data['$schema'] as string))) as Record<string, unknown>;
      expect(schema['$id']).toBe(data['$schema']);
      const validate = ajv.compile(schema);
      expect(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      // And the schema refuses what the export must not be: no version, an unknown field.
      expect(validate({ ...data, version: undefined }), name).toBe(false);
      expect(validate({ ...data, extra: 1 }), name).toBe(false);
    }
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
    // One item per report and claim, up to the feed's size (which items: tests/site/dates.test.ts).
    expect(items.length).toBe(Math.min(FEED_SIZE, corpus.articles.length + corpus.claims.length));
    for (const i of items) expect(resolveUrlPath(local(i.link)), i.link).toBeDefined();
    // Newest first, with its own address.
    const days = (items as { pubDate?: string }[]).map((i) => (i.pubDate ? Date.parse(i.pubDate) : Infinity));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // Not vacuous: several days, unless the feed holds only items not yet in permalinks.txt (a
    // corpus grown by more new claims than the feed carries).
    if (days.some(Number.isFinite)) expect(new Set(days).size).toBeGreaterThan(1);
    expect(readSite('/rss.xml')).toContain(`<atom:link href="${SITE}/rss.xml" rel="self" type="application/rss+xml"/>`);
    const index = xml.parse(readSite('/sitemap-index.xml'));
    const maps = [index.sitemapindex.sitemap].flat() as { loc: string }[];
    const urls = maps.flatMap((m) => [xml.parse(readSite(local(m.loc))).urlset.url].flat() as { loc: string }[]);
    // At least a page per report, claim, source and topic.
    expect(urls.length).toBeGreaterThanOrEqual(
      corpus.articles.length + corpus.claims.length + corpus.sources.length + corpus.topics.length,
    );
    for (const u of urls) expect(resolveUrlPath(local(u.loc)), u.loc).toBeDefined();
  });
  test("the sitemap's lastmod comes from permalinks.txt: a claim page's is its first-published day, the home page's the latest", () => {
    const xml = new XMLParser();
    const urls = [xml.parse(readSite('/sitemap-0.xml')).urlset.url].flat() as { loc: string; lastmod?: string }[];
    const listed = new Map(
      readFileSync(join(import.meta.dirname, '../../permalinks.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('/claims/'))
        .map((l) => l.split(' ') as [string, string]),
    );
    const lastmod = new Map(urls.map((u) => [local(u.loc), u.lastmod?.slice(0, 10)]));
    let checked = 0;
    for (const [path, day] of listed)
      if (lastmod.has(path)) {
        expect(lastmod.get(path), path).toBe(day);
        checked++;
      }
    expect(checked).toBeGreaterThan(0);
    expect(lastmod.get('/')).toBe([...listed.values()].sort().at(-1));
  });
});
