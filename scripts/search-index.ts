// `npm run index [-- <site folder>]` (default `dist`): the search index of a built site, with
// pagefind, keeping what it can of the last run's index (src/lib/search-index.ts). Run by
// `npm run build` after Astro; exit status 1, with one line saying why, when it fails.
import { join } from 'node:path';
import { buildSearchIndex, indexUpToDate } from '../src/lib/search-index';

const site = process.argv[2] ?? 'dist';
const root = join(import.meta.dirname, '..');
try {
  if (indexUpToDate(root, site)) {
    console.log('search index: up to date (made from the report pages as they are: nothing to do)');
    process.exit(0);
  }
  const { kept, reused, clash } = buildSearchIndex(root, site);
  console.log(
    clash
      ? 'search index: written whole (a fragment kept from the last build shared its name with a new one)'
      : kept
        ? `search index: ${reused} fragment(s) of unchanged report pages kept from the last build, the rest written`
        : 'search index: written whole (no intact index of an earlier build in this folder)',
  );
} catch (e) {
  console.error(`search index: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
