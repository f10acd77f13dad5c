import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { SITEMAP_FORMAT, sitemapEntries, sitemapFiles } from '../../src/lib/exports/sitemap';
import { absolute, builtPageUrl, claimUrl, homeUrl, sitemapPartUrl, sitemapUrl } from '../../src/lib/urls';

const xml = new XMLParser();
const lastmod = { byPath: new Map([[claimUrl('c9'), '2026-01-02']]), latest: '2026-02-01' };

describe('the sitemap', () => {
  test('lists the pages built once each, in numeric order, without the feed, the status pages and retired claims', () => {
    const built = [
      '',
      'about/',
      'claims/c10/',
      'claims/c9/',
      'claims/c9/',
      'rss.xml',
      '404.html',
      '404/',
      'claims/old/',
    ];
    const entries = sitemapEntries(built, new Set([claimUrl('old')]), lastmod);
    expect(entries).toEqual([
      { url: absolute(homeUrl()), lastmod: '2026-02-01' },
      { url: absolute(builtPageUrl('about/')), lastmod: '2026-02-01' },
      // c9 before c10: numbers compared as numbers, as @astrojs/sitemap ordered them.
      { url: absolute(claimUrl('c9')), lastmod: '2026-01-02' },
      { url: absolute(claimUrl('c10')), lastmod: '2026-02-01' },
    ]);
    // A page with no dated claim, and none in the ledger: no lastmod.
    expect(sitemapEntries(['about/'], new Set(), { byPath: new Map(), latest: undefined })).toEqual([
      { url: absolute(builtPageUrl('about/')) },
    ]);
  });

  test('is an index and one file per 45,000 pages, each page with its day, the index with each file’s latest', async () => {
    const n = SITEMAP_FORMAT.partSize + 2;
    const entries = Array.from({ length: n }, (_, i) => ({
      url: absolute(claimUrl(`c${i}`)),
      lastmod: i === 1 ? '2026-03-04' : i === n - 1 ? '2026-05-06' : '2026-01-01',
    }));
    const files = await sitemapFiles(entries);
    expect(files.map(([path]) => path)).toEqual([sitemapUrl(), sitemapPartUrl(0), sitemapPartUrl(1)]);
    const index = xml.parse(files[0]![1]) as { sitemapindex: { sitemap: { loc: string; lastmod: string }[] } };
    expect(index.sitemapindex.sitemap).toEqual([
      { loc: absolute(sitemapPartUrl(0)), lastmod: '2026-03-04T00:00:00.000Z' },
      { loc: absolute(sitemapPartUrl(1)), lastmod: '2026-05-06T00:00:00.000Z' },
    ]);
    const urls = (text: string): { loc: string; lastmod: string }[] =>
      [(xml.parse(text) as { urlset: { url: unknown } }).urlset.url].flat() as { loc: string; lastmod: string }[];
    const [first, second] = [urls(files[1]![1]), urls(files[2]![1])];
    expect(first).toHaveLength(SITEMAP_FORMAT.partSize);
    expect(first[1]).toEqual({ loc: absolute(claimUrl('c1')), lastmod: '2026-03-04T00:00:00.000Z' });
    expect(second.map((u) => u.loc)).toEqual([absolute(claimUrl(`c${n - 2}`)), absolute(claimUrl(`c${n - 1}`))]);
  });
});
