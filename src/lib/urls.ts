import { BASE_PATH, SITE_ORIGIN } from './settings';

// Every URL of the site is built here and nowhere else, so routes can move in one place, and every
// site path starts with the base path of `SITE_URL` (`/mobilization/articles/…` when the site is
// served under `/mobilization/`). (The browser's search script names pagefind's own
// `pagefind/pagefind.js` itself, under Vite's `import.meta.env.BASE_URL`: it cannot import this
// module, which reads the build's environment.)

/** A path under the site's base: `at('/articles/')` is `/articles/`, or `/mobilization/articles/`. */
const at = (path: string): string => `${BASE_PATH.slice(0, -1)}${path}`;

/** Home page. */
export const homeUrl = (): string => at('/');
/** The list of reports: its first page, or page `page` of it (under `page/`, as `claimsUrl` says why). */
export const articlesUrl = (page = 1): string => at(`/articles/${page > 1 ? `page/${page}/` : ''}`);
/** A report's page; with a claim id, that claim's anchor inside it. */
export const articleUrl = (id: string, claim?: string): string => at(`/articles/${id}/${claim ? `#${claim}` : ''}`);
/**
 * Every claim, by report: its first page, or page `page` of it. Later pages sit under `page/`
 * (`PAGES_SEGMENT` in src/schemas/common.ts), which no claim may take as its id, so no claim's
 * page is their parent and no later page can be a claim's.
 */
export const claimsUrl = (page = 1): string => at(`/claims/${page > 1 ? `page/${page}/` : ''}`);
/** A claim's permanent page. */
export const claimUrl = (id: string): string => at(`/claims/${id}/`);
/** A claim's citation file, written beside its page (`cite.bib`, `cite.json`). */
export const citationUrl = (id: string, format: 'bib' | 'json'): string => `${claimUrl(id)}cite.${format}`;
/** The list of sources. */
export const sourcesUrl = (): string => at('/sources/');
/** A source's page. */
export const sourceUrl = (id: string): string => at(`/sources/${id}/`);
/** The list of topics. */
export const topicsUrl = (): string => at('/topics/');
/** A topic's page, or page `page` of it (under `page/`, as `claimsUrl` says why). */
export const topicUrl = (id: string, page = 1): string => at(`/topics/${id}/${page > 1 ? `page/${page}/` : ''}`);
/**
 * The reports filed under a topic, newest first: the first page of that list, or page `page` of it
 * (under `page/`, as `claimsUrl` says why). Beside the topic's own pages, never one of them: a
 * topic's later pages are `page/N/`, this is `reports/`.
 */
export const topicReportsUrl = (id: string, page = 1): string =>
  at(`/topics/${id}/reports/${page > 1 ? `page/${page}/` : ''}`);
/** The timeline: its first page, or page `page` of it; with a year, at that year's heading on it. */
export const timelineUrl = (page = 1, year?: string): string =>
  at(`/timeline/${page > 1 ? `page/${page}/` : ''}${year ? `#y${year}` : ''}`);
/** The list of events, in timeline order: its first page, or page `page` of it (under `page/`, as `claimsUrl` says why). */
export const eventsUrl = (page = 1): string => at(`/events/${page > 1 ? `page/${page}/` : ''}`);
/** An event: how each report told it. */
export const eventUrl = (id: string): string => at(`/events/${id}/`);
/**
 * Where page `page` of the figures table in sort order `sort` (`''` is report order) sits under
 * `/figures/`, without the trailing slash: `''`, `by-value`, `page/2`, `by-value/page/2`. The
 * figures route's parameter, and the path `figuresUrl` builds.
 */
export const figuresPath = (sort = '', page = 1): string =>
  [sort, page > 1 ? `page/${page}` : ''].filter(Boolean).join('/');
/** The figures table, in one of its sort orders (`''` is report order), page `page` of it; `fragment` without `#`. */
export const figuresUrl = (sort = '', fragment?: string, page = 1): string => {
  const path = figuresPath(sort, page);
  return at(`/figures/${path ? `${path}/` : ''}${fragment ? `#${fragment}` : ''}`);
};
/** The method page. */
export const aboutUrl = (): string => at('/about/');
/** Search, optionally with a query and filters; the same shape the search page reads back. */
export const searchUrl = (params: Record<string, string> = {}): string => {
  const qs = new URLSearchParams(params).toString();
  return at(`/search/${qs ? `?${qs}` : ''}`);
};
/** The names of the JSON exports under `/api/`. */
export const API_NAMES = ['claims', 'articles', 'sources', 'topics', 'events'] as const;
/** One of the JSON exports' names. */
export type ApiName = (typeof API_NAMES)[number];
/** One of the JSON exports. */
export const apiUrl = (name: ApiName): string => at(`/api/${name}.json`);
/** The JSON Schema of one of the JSON exports, published beside it. */
export const apiSchemaUrl = (name: ApiName): string => at(`/api/${name}.schema.json`);
/** One of the CSV exports, described by the data package (`datapackageUrl`). */
export const csvUrl = (name: 'claims' | 'figures' | 'events'): string => at(`/api/${name}.csv`);
/** The Frictionless Data Package descriptor of the CSV exports. */
export const datapackageUrl = (): string => at('/api/datapackage.json');
/** The RSS feed. */
export const feedUrl = (): string => at('/rss.xml');
/** The sitemap index (written by src/integrations/sitemap-files.ts). */
export const sitemapUrl = (): string => at('/sitemap-index.xml');
/** One of the sitemaps the index lists, from 0: each holds up to 45,000 pages. */
export const sitemapPartUrl = (n: number): string => at(`/sitemap-${n}.xml`);
/** The site path of a page Astro built, from the path it reports (`claims/x/`, without the base). */
export const builtPageUrl = (pathname: string): string => at(`/${pathname.replace(/^\/+/, '')}`);
/** Static files in `public/`: the icon and the share card. */
export const faviconUrl = (): string => at('/favicon.svg');
/** The share card shown by social sites (`public/og.png`, made by `scripts/og-image.mjs`). */
export const shareImageUrl = (): string => at('/og.png');
/** The page served for a missing path. */
export const notFoundUrl = (): string => at('/404.html');
/** Absolute form of a site path (one of the above, base included), for canonical links, feeds and exports. */
export const absolute = (path: string): string => `${SITE_ORIGIN}${path}`;
/** Where a site path (one of the above) is written in the output folder: the path without the base. */
export const outputPath = (path: string): string => path.slice(BASE_PATH.length - 1);
