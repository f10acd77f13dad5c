import { SITE_URL } from './settings';

// Every URL of the site is built here and nowhere else, so routes can move in one place.

/** Home page. */
export const homeUrl = (): string => '/';
/** A report's page; with a claim id, that claim's anchor inside it. */
export const articleUrl = (id: string, claim?: string): string => `/articles/${id}/${claim ? `#${claim}` : ''}`;
/** A claim's permanent page. */
export const claimUrl = (id: string): string => `/claims/${id}/`;
/** A source's page. */
export const sourceUrl = (id: string): string => `/sources/${id}/`;
/** A topic's page. */
export const topicUrl = (id: string): string => `/topics/${id}/`;
/** The timeline, optionally at a year. */
export const timelineUrl = (year?: string): string => `/timeline/${year ? `#y${year}` : ''}`;
/** The list of events, in timeline order. */
export const eventsUrl = (): string => '/events/';
/** An event: how each report told it. */
export const eventUrl = (id: string): string => `/events/${id}/`;
/** A data export under /api/ (JSON, CSV, the Frictionless descriptor). */
export const apiUrl = (file: string): string => `/api/${file}`;
/** Search, optionally with a query and filters; the same shape the search page reads back. */
export const searchUrl = (params: Record<string, string> = {}): string => {
  const qs = new URLSearchParams(params).toString();
  return `/search/${qs ? `?${qs}` : ''}`;
};
/** Absolute form of a site path, for canonical links, feeds and exports. */
export const absolute = (path: string): string => `${SITE_URL}${path}`;
