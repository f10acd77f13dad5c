import { SITE_URL } from './settings';

// Every URL of the site is built here and nowhere else, so routes can move in one place. (The
// browser's search script names pagefind's own `/pagefind/pagefind.js` itself: it cannot import
// this module, which reads the build's environment.)

/** Home page. */
export const homeUrl = (): string => '/';
/** The list of reports. */
export const articlesUrl = (): string => '/articles/';
/** A report's page; with a claim id, that claim's anchor inside it. */
export const articleUrl = (id: string, claim?: string): string => `/articles/${id}/${claim ? `#${claim}` : ''}`;
/** Every claim, by report. */
export const claimsUrl = (): string => '/claims/';
/** A claim's permanent page. */
export const claimUrl = (id: string): string => `/claims/${id}/`;
/** A claim's citation file, written beside its page (`cite.bib`, `cite.json`). */
export const citationUrl = (id: string, format: 'bib' | 'json'): string => `${claimUrl(id)}cite.${format}`;
/** The list of sources. */
export const sourcesUrl = (): string => '/sources/';
/** A source's page. */
export const sourceUrl = (id: string): string => `/sources/${id}/`;
/** The list of topics. */
export const topicsUrl = (): string => '/topics/';
/** A topic's page. */
export const topicUrl = (id: string): string => `/topics/${id}/`;
/** The timeline, optionally at a year's heading. */
export const timelineUrl = (year?: string): string => `/timeline/${year ? `#y${year}` : ''}`;
/** The list of events, in timeline order. */
export const eventsUrl = (): string => '/events/';
/** An event: how each report told it. */
export const eventUrl = (id: string): string => `/events/${id}/`;
/** The figures table, in one of its sort orders (`''` is report order); `fragment` without `#`. */
export const figuresUrl = (sort = '', fragment?: string): string => `/figures/${sort ? `${sort}/` : ''}${fragment ? `#${fragment}` : ''}`;
/** The method page. */
export const aboutUrl = (): string => '/about/';
/** Search, optionally with a query and filters; the same shape the search page reads back. */
export const searchUrl = (params: Record<string, string> = {}): string => {
  const qs = new URLSearchParams(params).toString();
  return `/search/${qs ? `?${qs}` : ''}`;
};
/** One of the JSON exports. */
export const apiUrl = (name: 'claims' | 'articles' | 'sources' | 'topics' | 'events'): string => `/api/${name}.json`;
/** One of the CSV exports, described by the data package (`datapackageUrl`). */
export const csvUrl = (name: 'claims' | 'figures' | 'events'): string => `/api/${name}.csv`;
/** The Frictionless Data Package descriptor of the CSV exports. */
export const datapackageUrl = (): string => '/api/datapackage.json';
/** The RSS feed. */
export const feedUrl = (): string => '/rss.xml';
/** The sitemap index (written by `@astrojs/sitemap`). */
export const sitemapUrl = (): string => '/sitemap-index.xml';
/** Static files in `public/`: the icon and the share card. */
export const faviconUrl = (): string => '/favicon.svg';
/** The share card shown by social sites (`public/og.png`, made by `scripts/og-image.mjs`). */
export const shareImageUrl = (): string => '/og.png';
/** The page served for a missing path. */
export const notFoundUrl = (): string => '/404.html';
/** Absolute form of a site path, for canonical links, feeds and exports. */
export const absolute = (path: string): string => `${SITE_URL}${path}`;
