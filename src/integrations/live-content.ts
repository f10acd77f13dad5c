import type { AstroIntegrationLogger, RefreshContentOptions } from 'astro';
import type { ViteDevServer } from 'vite';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemsMessage, readValidatedCorpus } from '../lib/content/corpus';
import { formatProblem, type ValidatedCorpus } from '../lib/content/validate';
import { CONTENT_DIR } from '../lib/settings';
import { redirectMap } from '../lib/views/redirect-pages';
import { contentProblemsPage, isPageRequest } from '../lib/dev/problems-page';
import { CONTENT_LOADERS } from '../loaders/corpus';
import { watchContent } from '../lib/content/watch';
import {
  insertBeforeTrailingSlash,
  reloadDataStore,
  sendContentChanged,
  TRAILING_SLASH_MIDDLEWARE,
} from './astro-internals';
import { plural } from '../lib/plural';

// How long a burst of watcher events must be quiet before the content is read again. An editor's
// save can be several events (truncate, then write): reading in between would validate a half-
// written file and flash its problems. 20 ms covers such a burst and costs nothing noticeable.
const SETTLE_MS = 20;

// How long after a refresh the server's copy of the store is dropped once more. Astro drops it after
// writing the store, but that can be lost when a request is loading the store at that moment (two
// saves close together, a page open in a browser reloading): the report's page then kept the older
// text until the next save. Doing it again once the requests of the moment are done closes that gap.
const RELOAD_STORE_MS = 300;

/**
 * The live content loop of `astro dev`. On every change in the content directory (or to
 * `permalinks.txt`), seen by our own watcher (the content directory is kept out of Vite's):
 * validate (re-parsing only the files saved, see `readCorpus`) and print the problems, or, when
 * the content is valid, have Astro drop its cached `getStaticPaths` results (pages that read the
 * ledger show the edit from then on) and run the content loaders at once through Astro's
 * `refreshContent`. That sync writes the content store to disk immediately, which reloads open
 * pages; loaders re-running on the watcher themselves would leave that write to the store's 500 ms
 * save debounce. While the content has problems, every page is the list of them; retired claim
 * URLs redirect as `redirects.yaml` says now, not as it said when the server started.
 */
export function liveContent(
  server: ViteDevServer,
  logger: AstroIntegrationLogger,
  refreshContent: ((options: RefreshContentOptions) => Promise<void>) | undefined,
): void {
  let last: ValidatedCorpus | undefined;
  // Problems are printed as soon as they are found, the same list not twice in a row; a valid
  // corpus once the pages have its content, with the time each step took.
  const reportProblems = (corpus: ValidatedCorpus): void => {
    if ((last?.problems.length ?? 0) > 0 && problemsMessage(corpus) === problemsMessage(last!)) return;
    logger.error(problemsMessage(corpus));
  };
  const reportValid = (corpus: ValidatedCorpus, again: boolean, ms: number): void => {
    const counts = `${plural(corpus.articles.length, 'report')}, ${plural(corpus.claims.length, 'claim')}`;
    logger.info(`content valid${again ? ' again' : ''}: ${counts} (pages updated ${ms} ms after the save)`);
  };

  // Runs never overlap; a change during a run is picked up by one more run after it.
  let running = false;
  let again = false;
  const update = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const corpus = readValidatedCorpus();
        // The same object: no content file changed since the last run (an editor's swap file, say).
        if (corpus === last) continue;
        const hadProblems = (last?.problems.length ?? 0) > 0;
        if (corpus.problems.length > 0) reportProblems(corpus);
        last = corpus;
        if (corpus.problems.length > 0) continue;
        // Claim, source, topic and event pages read the ledger, not the store: they can show the
        // edit now, before a changed report is re-rendered, once Astro drops the `getStaticPaths`
        // results it keeps. The store's write after the refresh sends the same event again, so
        // should Astro rename it, pages still update, only later.
        sendContentChanged(server);
        await refreshContent?.({ loaders: [...CONTENT_LOADERS] });
        setTimeout(() => reloadDataStore(server), RELOAD_STORE_MS);
        reportValid(corpus, hadProblems, Math.round(performance.now() - savedAt));
      } while (again);
    } catch (e) {
      // A failing run must not take the dev server down: report it and wait for the next save.
      logger.error(e instanceof Error ? e.message : String(e));
    } finally {
      running = false;
    }
  };
  last = readValidatedCorpus();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // When the first event of the burst being handled arrived.
  let savedAt = 0;
  // Our own watcher, not Vite's: Vite's makes Astro reload its content config on every saved
  // YAML or Markdown file, and `refreshContent` does nothing while that reload is under way.
  const stop = watchContent(resolve(CONTENT_DIR), () => {
    if (timer === undefined && !running) savedAt = performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void update();
    }, SETTLE_MS);
  });
  server.httpServer?.once('close', stop);

  const redirects = new WeakMap<ValidatedCorpus, Map<string, string>>();
  // Placed before Astro's trailing-slash check, which answers a slashless page URL with a 404
  // before any later middleware sees it. Astro puts its own middlewares at the front of the stack
  // after this hook has run, so ours is placed once the server listens (after all of them), just
  // before that check (Astro's request guards stay in front of it).
  server.httpServer?.once('listening', () => {
    if (!insertBeforeTrailingSlash(server, pageMiddleware)) {
      logger.warn(
        `Astro's ${TRAILING_SLASH_MIDDLEWARE} middleware was not found: slashless page URLs may answer 404 (see astro-internals.ts)`,
      );
    }
  });
  function pageMiddleware(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = req.url ?? '/';
    if (!isPageRequest(url)) return next();
    const corpus = readValidatedCorpus();
    if (corpus.problems.length > 0) {
      res.statusCode = 500;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(contentProblemsPage(corpus.problems.map(formatProblem), CONTENT_DIR));
      return;
    }
    if (!redirects.has(corpus)) redirects.set(corpus, new Map(Object.entries(redirectMap(corpus.redirects))));
    const path = url.split(/[?#]/)[0] ?? '/';
    const query = url.slice(path.length);
    // A page URL typed or pasted without its trailing slash: a static host redirects it to the
    // folder, Astro's dev server (trailingSlash: 'always') answered 404. Astro's own routes
    // (`/_image`, `/_server-islands`) are left to it.
    const slashless = !path.endsWith('/') && !path.endsWith('.html') && !path.startsWith('/_');
    const to =
      redirects.get(corpus)!.get(path.endsWith('/') ? path : `${path}/`) ??
      (slashless ? `${path}/${query}` : undefined);
    if (!to) return next();
    res.statusCode = 301;
    res.setHeader('location', to);
    res.setHeader('cache-control', 'no-store');
    res.end();
  }
}
