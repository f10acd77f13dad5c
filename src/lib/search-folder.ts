// The search index's place in the built site, in a module of its own (no dependencies), so that
// Astro's pruning can name it without loading the index step's code.

/** The folder of the built site that holds the search index (pagefind's output). The index step owns it. */
export const INDEX_FOLDER = 'pagefind';

/**
 * Files of the index folder that pagefind writes on every run and that the search page needs
 * first: Astro's build removes them, so a site built without its index step has no search rather
 * than the last build's index, which may name pages that are gone and words that changed.
 */
export const INDEX_ENTRY_FILES: readonly string[] = ['pagefind.js', 'pagefind-entry.json'];
