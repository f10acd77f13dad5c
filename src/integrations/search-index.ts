import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndexAsync, indexKept, indexSummary, type IndexOptions, type IndexRun } from '../lib/search-index';
import { INDEX_ENTRY_FILES, INDEX_FOLDER } from '../lib/search-folder';

/**
 * The search index (pagefind over the report pages, src/lib/search-index.ts) in a rebuild: when the
 * output folder holds the intact index of an earlier build, pagefind starts as soon as the pages
 * are written (`astro:build:generated`) and runs as a child process beside the rest of the build
 * (the sitemap, the citation files, the files under `/api/`, the pruning, which leave its folder
 * alone), and the build waits for it at its end (this integration's `astro:build:done`, so it
 * comes after the others). `npm run index`, which `npm run build` runs next, then finds the index
 * up to date and does nothing. At 5,000 reports a rebuild's tail and pagefind took about 6 and
 * 10 s one after the other.
 *
 * Otherwise (a cold build: no index, or one the step cannot trust) the index is left to `npm run
 * index` after Astro has exited, as before: beside a cold build's tail, pagefind and the 100,000
 * citation files it creates slowed each other down (the tail took 53 s instead of 31 s), and the
 * two processes' memory added up (5.2 GB at 5,000 reports, against 3.0 GB one after the other).
 *
 * Either way, until the index step has run the site has no search rather than the last build's
 * index, which may name pages that are gone: its entry files are removed once the pages are
 * written. `options.cacheDir`: where the record of the last index is kept (default: the project's
 * build caches; tests give their own).
 */
export default function searchIndex(options: Pick<IndexOptions, 'cacheDir'> = {}): AstroIntegration {
  let root = '';
  let pending: Promise<IndexRun> | undefined;
  let started = 0;
  return {
    name: 'claim-ledger:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        pending = undefined;
      },
      'astro:build:generated': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        for (const f of INDEX_ENTRY_FILES) rmSync(join(site, INDEX_FOLDER, f), { force: true });
        if (!indexKept(root, site, options)) {
          logger.info(
            'search index: built after Astro by npm run index (no intact index of an earlier build in this folder)',
          );
          return;
        }
        started = performance.now();
        pending = buildSearchIndexAsync(root, site, { ...options, quiet: true });
        // Awaited at the build's end; a failure before then is reported there, not as unhandled.
        pending.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!pending) return;
        let run: IndexRun;
        try {
          run = await pending;
        } catch (e) {
          // One line, as every other failure of the build is reported.
          throw new Error(`search index: ${e instanceof Error ? e.message : String(e)}`);
        }
        logger.info(`${indexSummary(run)} (${((performance.now() - started) / 1000).toFixed(1)} s, beside the build)`);
      },
    },
  };
}
