import type { Loader } from 'astro/loaders';
import type { ValidatedCorpus } from '../lib/content/validate';
import { corpusForLoader, loaderName } from './corpus';

type Pick = (corpus: ValidatedCorpus) => { id: string; file: string; data: object }[];

/**
 * A loader for the data collections (claims, sources, topics, events), fed from the corpus that
 * was read and validated once, so Astro and our validator never disagree about the content.
 * The data is stored as our validator parsed it, with the same zod schemas the collections
 * declare: running `parseData` again would validate every entry twice (at 50,000 claims, seconds).
 * In `astro dev` it runs again on every content change (`refreshContent`, from
 * integrations/live-content.ts). In a build it stores nothing (see below).
 */
export function entriesLoader(name: Parameters<typeof loaderName>[0], pick: Pick): Loader {
  return {
    name: loaderName(name),
    load: async (context) => {
      const { store, generateDigest } = context;
      // No page reads these collections (pages read the ledger, src/lib/model/ledger.ts, built from the
      // same validated corpus; only report bodies come from the store), so a build leaves them
      // empty: at 5,000 reports, 50,000 claims digested, stored and serialised into the content
      // cache for nothing. `astro dev` (the only run with a `watcher`) keeps them, because writing
      // the changed store after an edit is what reloads the open pages there.
      if (!context.watcher) {
        store.clear();
        return;
      }
      const corpus = corpusForLoader(context);
      if (!corpus) return;
      // Entry by entry rather than clearing the store: an entry whose digest is unchanged is not
      // set again, so an edit to one file changes one entry, not the whole collection.
      const seen = new Set<string>();
      for (const e of pick(corpus)) {
        const data = e.data as Record<string, unknown>;
        seen.add(e.id);
        // The path is part of the digest: builds over another CONTENT_DIR share this cache.
        store.set({ id: e.id, data, filePath: e.file, digest: generateDigest({ file: e.file, data }) });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
