import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import validateContent from './src/integrations/validate-content';
import citationFiles from './src/integrations/citation-files';
import pruneOutput from './src/integrations/prune-output';
import rehypeClaimAnchors from './src/plugins/rehype-claim-anchors';
import rehypeCitationMarks from './src/plugins/rehype-citation-marks';
import rehypeHeadingIds from './src/plugins/rehype-heading-ids';
import { claimUrl } from './src/lib/urls';
import { SITE_URL } from './src/lib/settings';
import { watchIgnored } from './src/lib/watch-ignored';
import { readValidatedCorpus } from './src/lib/content/corpus';
import { retiredClaimPaths } from './src/lib/redirect-pages';

/** @type {Set<string> | undefined} */
let retired;
// A retired claim's page only redirects (and is noindex): it is not a page of the sitemap.
/** @param {string} page */
const isRetired = (page) => (retired ??= retiredClaimPaths(readValidatedCorpus().redirects)).has(new URL(page).pathname);

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Pages are rendered four at a time: a page's file writes then overlap the next pages'
  // rendering instead of leaving the main thread idle (a quarter of page generation at 500
  // reports; see the README's Benchmark). The output is the same.
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    // Smart punctuation is off: report text is kept verbatim, straight quotes included,
    // and claim quotes are matched against it character for character.
    processor: unified({
      smartypants: false,
      rehypePlugins: [[rehypeClaimAnchors, { claimUrl }], rehypeCitationMarks, rehypeHeadingIds],
    }),
  },
  // The sitemap lists pages only: the JSON, citation and feed files are data, not pages.
  // The search index is not built here but after Astro has exited (`npm run build`): pagefind
  // then does not hold its index in memory beside Astro's (at 5,000 reports, 3 GB each).
  integrations: [
    validateContent(),
    sitemap({ filter: (page) => page.endsWith('/') && !page.includes('/api/') && !isRetired(page) }),
    citationFiles(),
    // Last: it removes what the build did not write, after the others have written theirs.
    pruneOutput(),
  ],
  // A report, claim, source, topic or event page whose `cacheKey` (src/lib/page-keys.ts: a digest of
  // what it shows) and code are unchanged since the last build is not rendered again: its earlier
  // output is kept (node_modules/.astro/incremental-build.json; a copy under node_modules/.astro/dist/).
  experimental: { incrementalBuild: true },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Scripts always go to files of their own: the Content-Security-Policy forbids inline scripts.
  // Generated folders stay out of the dev server's watcher: a benchmark's corpora alone would
  // exhaust the system's file watchers (ENOSPC).
  // The output folder is not emptied before a build: pruneOutput (last above) removes what the
  // build did not write, which costs a walk of the folder rather than deleting every file.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false }, server: { watch: { ignored: watchIgnored } } },
});
