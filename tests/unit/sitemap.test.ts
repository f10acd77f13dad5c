import { XMLParser } from 'fast-xml-parser';
import { appendFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import sitemapIntegration from '../../src/integrations/sitemap-files';
import { tempFolder } from './helpers';
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

describe('the sitemap kept between builds', () => {
  const ROOT = join(import.meta.dirname, '../..');
  // A project with the sitemap's code and package, and an output folder, in a temporary folder.
  const project = (): { root: string; out: string } => {
    const root = tempFolder('sitemap-root');
    for (const f of [
      'src/lib/exports/sitemap.ts',
      'src/lib/urls.ts',
      'src/integrations/sitemap-files.ts',
      'node_modules/sitemap/package.json',
    ]) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      cpSync(join(ROOT, f), join(root, f));
    }
    return { root, out: tempFolder('sitemap-out') };
  };
  /** One build's sitemap step over these pages: what it said. */
  const build = async (root: string, out: string, pages: string[]): Promise<string> => {
    const said: string[] = [];
    const hooks = sitemapIntegration().hooks as unknown as Record<string, (o: object) => unknown>;
    await hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`) } });
    await hooks['astro:build:done']!({
      dir: pathToFileURL(`${out}/`),
      pages: pages.map((pathname) => ({ pathname })),
      logger: { info: (m: string) => said.push(m) },
    });
    return said.join('\n');
  };

  test('is made again when its entries or the code that lays it out change, and kept otherwise', async () => {
    const { root, out } = project();
    const index = join(out, 'sitemap-index.xml');
    expect(await build(root, out, ['', 'about/'])).toMatch(/sitemap of 2 pages written/);
    const first = readFileSync(index, 'utf8');
    expect(await build(root, out, ['', 'about/'])).toMatch(/unchanged since the last build/);
    // Another page: other entries.
    expect(await build(root, out, ['', 'about/', 'claims/'])).toMatch(/sitemap of 3 pages written/);
    expect(await build(root, out, ['', 'about/', 'claims/'])).toMatch(/unchanged/);
    // The same entries, other code naming or laying out the files.
    for (const f of ['src/lib/urls.ts', 'src/lib/exports/sitemap.ts', 'src/integrations/sitemap-files.ts']) {
      appendFileSync(join(root, f), '\n// changed\n');
      expect(await build(root, out, ['', 'about/', 'claims/']), f).toMatch(/written/);
      expect(await build(root, out, ['', 'about/', 'claims/']), f).toMatch(/unchanged/);
    }
    expect(readFileSync(index, 'utf8')).toBe(first);
  });
});
