import type { Loader } from 'astro/loaders';
import type { ValidatedCorpus } from '../lib/content/validate';
import { corpusForLoader, rerunOnContentChange } from './watch';

type Pick = (corpus: ValidatedCorpus) => { id: string; file: string; data: object }[];

/**
 * A loader for the data collections (claims, sources, topics), fed from the corpus that was
 * read and validated once, so Astro and our validator never disagree about the content.
 * The data is stored as our validator parsed it, with the same zod schemas the collections
 * declare: running `parseData` again would validate every entry twice (at 50,000 claims, seconds).
 * In `astro dev` it re-runs whenever a content file changes.
 */
export function entriesLoader(name: string, pick: Pick): Loader {
  return {
    name: `claim-ledger-${name}`,
    load: async (context) => {
      const { store, generateDigest } = context;
      const sync = async (): Promise<void> => {
        const corpus = corpusForLoader(context);
        if (!corpus) return;
        store.clear();
        for (const e of pick(corpus)) {
          const data = e.data as Record<string, unknown>;
          store.set({ id: e.id, data, filePath: e.file, digest: generateDigest(data) });
        }
      };
      await sync();
      rerunOnContentChange(context, sync);
    },
  };
}
