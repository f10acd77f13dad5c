import type { Connect, ViteDevServer } from 'vite';
import { isRunnableDevEnvironment } from 'vite';

// The parts of Astro that the dev loop (live-content.ts) and the output-folder guard
// (output-folder.ts) rely on and that Astro does not document: each is named once, here. Checked
// against astro 7.3.5. tests/unit/astro-internals.test.ts looks for each in the installed Astro and
// fails naming the one an upgrade has changed.

/** The Astro version these internals were last checked against. */
export const CHECKED_ASTRO_VERSION = '7.3.5';

/**
 * The dev server's id of the content store's virtual module (`RESOLVED_DATA_STORE_VIRTUAL_ID` in
 * astro/dist/content/consts.js). Invalidating it makes the next request read the store from disk.
 */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * The hot event on which Astro's server code drops its cached `getStaticPaths` results and the
 * loaded store (`import.meta.hot.on(…)` in astro/dist/core/app/entrypoints/virtual/dev.js).
 */
export const CONTENT_CHANGED_EVENT = 'astro:content-changed';

/**
 * The name of the dev-server middleware that answers a page URL without its trailing slash with a
 * 404 (`trailingSlash: 'always'`; astro/dist/vite-plugin-astro-server/trailing-slash.js).
 */
export const TRAILING_SLASH_MIDDLEWARE = 'devTrailingSlash';

/**
 * The incremental build's manifest, at the root of Astro's `cacheDir` (`INCREMENTAL_CACHE_FILE` in
 * astro/dist/core/build/incremental.js): each keyed page's key from the last build. A page whose
 * key matches it and whose file is already in the output folder is left as found there
 * (`existsInDist` in astro/dist/core/build/generate.js), whichever folder the last build wrote.
 */
export const INCREMENTAL_MANIFEST_FILE = 'incremental-build.json';

/**
 * The folder in Astro's `cacheDir` that holds a copy of each keyed page, restored when the output
 * folder lacks the page (`INCREMENTAL_OUTPUT_DIR` in astro/dist/core/build/incremental.js).
 */
export const INCREMENTAL_COPIES_FOLDER = 'dist/';

/** Sends `CONTENT_CHANGED_EVENT` to every server environment (not the browser's). */
export function sendContentChanged(server: ViteDevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send(CONTENT_CHANGED_EVENT, {});
  }
}

/**
 * Drops the dev server's loaded copy of the content store, as Astro does after writing it, and
 * tells the server environments the content changed: the next request reads the store from disk.
 */
export function reloadDataStore(server: ViteDevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name === 'client') continue;
    const node = environment.moduleGraph.getModuleById(DATA_STORE_MODULE_ID);
    if (node) environment.moduleGraph.invalidateModule(node);
    if (isRunnableDevEnvironment(environment)) {
      const evaluated = environment.runner.evaluatedModules.getModuleById(DATA_STORE_MODULE_ID);
      if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
    }
    environment.hot.send(CONTENT_CHANGED_EVENT, {});
  }
}

/**
 * Puts `handle` into the dev server's middleware stack just before Astro's trailing-slash check
 * (Astro's request guards stay in front of it). Call once the server listens: Astro adds its own
 * middlewares after the integrations' hooks have run. Returns false, with `handle` placed first,
 * when the check is not found, so the caller can say so rather than lose slashless URLs silently.
 */
export function insertBeforeTrailingSlash(server: ViteDevServer, handle: Connect.NextHandleFunction): boolean {
  const stack = server.middlewares.stack;
  const at = stack.findIndex((layer) => (layer.handle as { name?: string }).name === TRAILING_SLASH_MIDDLEWARE);
  stack.splice(Math.max(at, 0), 0, { route: '', handle });
  return at >= 0;
}
