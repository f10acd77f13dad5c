import type { Loader } from 'astro/loaders';
import { loadValidatedCorpus } from '../lib/content/corpus';
import type { ValidatedCorpus } from '../lib/content/validate';

type Pick = (corpus: ValidatedCorpus) => { id: string; file: string; data: object }[];

/**
 * A loader for the data collections (claims, sources, topics), fed from the corpus that was
 * read and validated once, so Astro and our validator never disagree about the content.
 * The data is stored as our validator parsed it, with the same zod schemas the collections
 * declare: running `parseData` again would validate every entry twice (at 50,000 claims, seconds).
 */
export function entriesLoader(name: string, pick: Pick): Loader {
  return {
    name: `claim-ledger-${name}`,
    load: async ({ store, generateDigest }) => {
      store.clear();
      for (const e of pick(loadValidatedCorpus())) {
        const data = e.data as Record<string, unknown>;
        store.set({ id: e.id, data, filePath: e.file, digest: generateDigest(data) });
      }
    },
  };
}
