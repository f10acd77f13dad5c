import { defineConfig } from 'astro/config';
import validateContent from './src/integrations/validate-content';
import sitemapFiles from './src/integrations/sitemap-files';
import citationFiles from './src/integrations/citation-files';
import apiFiles from './src/integrations/api-files';
import pruneOutput from './src/integrations/prune-output';
import outputFolder from './src/integrations/output-folder';
import siteAddress from './src/integrations/site-address';
import hostHeaders from './src/integrations/host-headers';
import { markdownProcessor } from './src/loaders/markdown';
import { BASE_PATH, SITE_URL } from './src/lib/settings';
import { watchIgnored } from './src/lib/dev/watch-ignored';

export default defineConfig({
  // The public address, any origin and path (`SITE_URL`, see src/lib/settings.ts): its path is
  // the base every page, script, asset and export is served under.
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  // Pages are rendered eight at a time: a page's file writes (two per keyed page, with a folder
  // made for each) then overlap the next pages' rendering instead of leaving the main thread idle
  // (a quarter of page generation at 500 reports one at a time, a fifth at 5,000 four at a time;
  // docs/build.md). The output is the same.
  build: { format: 'directory', concurrency: 8 },
  // Plugins and options in src/loaders/markdown.ts, where the report cache's key sees them.
  markdown: { processor: markdownProcessor() },
  // The sitemap lists pages only: the JSON, citation and feed files are data, not pages.
  // The search index is not built here but after Astro has exited (`npm run build`): pagefind
  // then does not hold its index in memory beside Astro's (at 5,000 reports, 3 GB each).
  integrations: [
    siteAddress(),
    validateContent(),
    // Keeps the incremental build from trusting pages another build left (see the file).
    outputFolder(),
    sitemapFiles(),
    citationFiles(),
    apiFiles(),
    hostHeaders(),
    // Last: it removes what the build did not write, after the others have written theirs.
    pruneOutput(),
  ],
  // A report, claim, source, topic or event page whose `cacheKey` (src/lib/page-keys.ts: a digest of
  // what it shows) and code are unchanged since the last build is not rendered again: its earlier
  // output is kept (node_modules/.astro/incremental-build.json; a copy under node_modules/.astro/dist/),
  // as long as the last build was into the same output folder and finished (outputFolder above).
  experimental: { incrementalBuild: true },
  // Astro's output without a line for each page the incremental build reused (55,000 in a rebuild
  // at 5,000 reports): they are counted instead (src/integrations/build-log.mjs).
  logger: { entrypoint: './src/integrations/build-log.mjs' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Scripts always go to files of their own: the Content-Security-Policy forbids inline scripts.
  // Generated folders stay out of the dev server's watcher: a benchmark's corpora alone would
  // exhaust the system's file watchers (ENOSPC).
  // The output folder is not emptied before a build: pruneOutput (last above) removes what the
  // build did not write, which costs a walk of the folder rather than deleting every file.
  // strictPort: a taken port stops the server instead of moving it to the next one, where it would
  // serve pages whose absolute URLs name the port asked for (see scripts/serve.mjs).
  vite: {
    build: { assetsInlineLimit: 0, emptyOutDir: false },
    server: { strictPort: true, watch: { ignored: watchIgnored } },
    preview: { strictPort: true },
  },
});
