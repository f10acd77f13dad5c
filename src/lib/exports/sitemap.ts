import { Readable, type Transform } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import type { Claim, Ledger } from '../model/ledger';
import {
  absolute,
  articleUrl,
  builtPageUrl,
  claimUrl,
  eventUrl,
  homeUrl,
  sitemapPartUrl,
  sitemapUrl,
  sourceUrl,
  topicUrl,
} from '../urls';

/**
 * The day each page of the sitemap last changed, as far as the data tells: the latest day one of
 * the claims it shows was first published (`permalinks.txt`), so builds stay reproducible (never
 * the build's clock). A claim's page is its own day; a report's, source's, topic's or event's page
 * the latest of its claims'; any other page (home, lists, timeline) the latest of all. A page with
 * no dated claim has none. Keys are site paths (`claimUrl(…)` and the like).
 */
export function sitemapLastmod(
  ledger: Ledger,
  firstPublished: ReadonlyMap<string, string>,
): { byPath: Map<string, string>; latest: string | undefined } {
  const latestOf = (claims: readonly Claim[]): string | undefined =>
    claims.reduce<string | undefined>((max, c) => {
      const day = firstPublished.get(c.id);
      return day && (!max || day > max) ? day : max;
    }, undefined);
  const byPath = new Map<string, string>();
  const put = (path: string, claims: readonly Claim[]): void => {
    const day = latestOf(claims);
    if (day) byPath.set(path, day);
  };
  for (const c of ledger.claims) put(claimUrl(c.id), [c]);
  for (const a of ledger.articles) put(articleUrl(a.id), a.claims);
  for (const s of ledger.sources)
    put(sourceUrl(s.id), [...s.made, ...s.relayed, ...s.articles.flatMap((a) => a.claims)]);
  for (const t of ledger.topics) put(topicUrl(t.id), t.claims);
  for (const e of ledger.events) put(eventUrl(e.id), e.claims);
  return { byPath, latest: latestOf(ledger.claims) };
}

/** One page in the sitemap: its absolute URL and, when the data tells it, the day it last changed. */
export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

/**
 * How the files are laid out, besides their entries: pages per file (the protocol allows 50,000;
 * @astrojs/sitemap, which wrote them before, used 45,000) and the namespaces declared (its defaults,
 * kept so that the files did not change). A cache of the files keys on it.
 */
export const SITEMAP_FORMAT = {
  partSize: 45_000,
  namespaces: { news: true, xhtml: true, image: true, video: true },
} as const;

// The sitemap's order: `localeCompare(b, 'en', { numeric: true })` on the URLs, as @astrojs/sitemap
// sorted them, through one collator (the same comparison: `localeCompare` given options makes a collator
// per call, which at 56,000 pages was most of the sitemap's time).
const byUrl = new Intl.Collator('en', { numeric: true }).compare;

// The status pages, by their path under the base without slashes.
const STATUS_PAGES = new Set(['404', '500']);

/**
 * The sitemap of the pages a build wrote, given as Astro reports them (`claims/x/`, under the
 * base): the pages only (a path ending in "/": not the feed or the data files), without the status
 * pages and the retired claims' redirect pages (`retired`, site paths), each with its `lastmod`
 * (`sitemapLastmod`), in the sitemap's order.
 */
export function sitemapEntries(
  pathnames: Iterable<string>,
  retired: ReadonlySet<string>,
  lastmod: ReturnType<typeof sitemapLastmod>,
): SitemapEntry[] {
  const paths = new Set<string>();
  for (const pathname of pathnames) {
    const path = builtPageUrl(pathname);
    if (!path.endsWith('/') || retired.has(path) || STATUS_PAGES.has(pathname.replace(/^\/+|\/+$/g, ''))) continue;
    paths.add(path);
  }
  return [...paths]
    .map((path): SitemapEntry => {
      const day = lastmod.byPath.get(path) ?? lastmod.latest;
      return day ? { url: absolute(path), lastmod: day } : { url: absolute(path) };
    })
    .sort((a, b) => byUrl(a.url, b.url));
}

const render = async (stream: Transform, items: readonly object[]): Promise<string> =>
  (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');

/** The latest `lastmod` of `entries`, as a full ISO time (as the index gives it), if any has one. */
function latestLastmod(entries: readonly SitemapEntry[]): string | undefined {
  let latest: number | undefined;
  for (const e of entries) {
    const time = e.lastmod ? new Date(e.lastmod).getTime() : NaN;
    if (!Number.isNaN(time) && (latest === undefined || time > latest)) latest = time;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
}

/**
 * The sitemap's files for `entries` (`sitemapEntries`), written by the `sitemap` package: the index
 * (`sitemapUrl()`) and one file per `SITEMAP_FORMAT.partSize` pages (`sitemapPartUrl(n)`), as site
 * paths with their text.
 */
export async function sitemapFiles(entries: readonly SitemapEntry[]): Promise<[path: string, text: string][]> {
  const { partSize, namespaces } = SITEMAP_FORMAT;
  const parts: [string, string][] = [];
  const index: { url: string; lastmod?: string }[] = [];
  for (let n = 0; n * partSize < entries.length; n++) {
    const part = entries.slice(n * partSize, (n + 1) * partSize);
    const stream = new SitemapStream({ hostname: absolute(homeUrl()), xmlns: { ...namespaces } });
    parts.push([sitemapPartUrl(n), await render(stream, part)]);
    const lastmod = latestLastmod(part);
    index.push(lastmod ? { url: absolute(sitemapPartUrl(n)), lastmod } : { url: absolute(sitemapPartUrl(n)) });
  }
  return [[sitemapUrl(), await render(new SitemapIndexStream(), index)], ...parts];
}
