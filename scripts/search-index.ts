// `npm run index [-- <site folder>]` (default `dist`): the search index of a built site, with
// pagefind, keeping what it can of the last run's index (src/lib/search-index.ts). Run by
// `npm run build` after Astro: after a cold build it builds the index; after a rebuild, which
// built it beside the build's tail (src/integrations/search-index.ts), it finds it up to date.
// Exit status 1, with one line saying why, when it fails.
import { join } from 'node:path';
import { buildSearchIndex, indexSummary } from '../src/lib/search-index';

const site = process.argv[2] ?? 'dist';
try {
  console.log(indexSummary(buildSearchIndex(join(import.meta.dirname, '..'), site)));
} catch (e) {
  console.error(`search index: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
