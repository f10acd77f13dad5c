import type { PagefindIndex } from 'pagefind';

/**
 * The search index being built, shared between the pagefind integration (which opens it when
 * the build starts and writes it when the build is done) and the middleware (which hands it each
 * page as soon as the page is rendered). Astro renders pages on one core; pagefind, a process of
 * its own, indexes them on the other at the same time, instead of re-reading every page from disk
 * after the build. Kept on `globalThis` because the middleware runs from Astro's build bundle,
 * a different module instance from the integration's, in the same process.
 */
export interface SearchIndexSession {
  index: PagefindIndex;
  /** Pages handed to pagefind and not yet acknowledged. */
  pending: Promise<void>[];
  /** Every error pagefind reported, one line per page. */
  errors: string[];
  /** How many HTML pages were handed over (pagefind keeps those with `data-pagefind-body`). */
  pages: number;
}

const KEY = Symbol.for('claim-ledger.search-index');
type Holder = { [KEY]?: SearchIndexSession };

/** The open indexing session, if a production build is running. */
export const currentSearchIndex = (): SearchIndexSession | undefined => (globalThis as Holder)[KEY];

/** Opens (or, with `undefined`, closes) the session. */
export function setSearchIndex(session: SearchIndexSession | undefined): void {
  if (session) (globalThis as Holder)[KEY] = session;
  else delete (globalThis as Holder)[KEY];
}

/** Hands one rendered page to pagefind without waiting for it; failures are collected. */
export function indexPage(session: SearchIndexSession, url: string, html: string): void {
  session.pages++;
  session.pending.push(
    session.index.addHTMLFile({ url, content: html }).then(
      (r) => {
        if (r.errors.length) session.errors.push(`${url}: ${r.errors.join('; ')}`);
      },
      (e: unknown) => {
        session.errors.push(`${url}: ${String(e)}`);
      },
    ),
  );
}
