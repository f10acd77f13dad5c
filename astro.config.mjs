import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import validateContent from './src/integrations/validate-content';
import citationFiles from './src/integrations/citation-files';
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
  build: { format: 'directory' },
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
  integrations: [validateContent(), sitemap({ filter: (page) => page.endsWith('/') && !page.includes('/api/') && !isRetired(page) }), citationFiles()],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Scripts always go to files of their own: the Content-Security-Policy forbids inline scripts.
  // Generated folders stay out of the dev server's watcher: a benchmark's corpora alone would
  // exhaust the system's file watchers (ENOSPC).
  vite: { build: { assetsInlineLimit: 0 }, server: { watch: { ignored: watchIgnored } } },
});
