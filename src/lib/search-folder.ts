// The search index's place in the built site, in a module of its own (no dependencies): the names
// the search page and Astro's pruning need, apart from the index step's code.

/** The folder of the built site that holds the search index (pagefind's output). The index step owns it. */
export const INDEX_FOLDER = 'pagefind';

/**
 * Files of the index folder that pagefind writes on every run and that the search page needs
 * first: Astro's build removes them unless the index is up to date with the report pages it leaves,
 * so a site built without its index step has no search rather than the last build's index, which
 * may name pages that are gone and words that changed.
 */
export const INDEX_ENTRY_FILES: readonly string[] = ['pagefind.js', 'pagefind-entry.json'];
