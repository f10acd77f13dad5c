import type { Loader } from 'astro/loaders';
import { loadValidatedCorpus } from './corpus';
import type { ValidatedCorpus } from '../lib/content/validate';

type Pick = (corpus: ValidatedCorpus) => { id: string; file: string; data: object }[];

/**
 * A loader for the data collections (claims, sources, topics), fed from the corpus that was
 * read and validated once, so Astro and our validator never disagree about the content.
 */
export function entriesLoader(name: string, pick: Pick): Loader {
  return {
    name: `claim-ledger-${name}`,
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const e of pick(loadValidatedCorpus())) {
        const raw = e.data as Record<string, unknown>;
        const data = await parseData({ id: e.id, data: raw, filePath: e.file });
        store.set({ id: e.id, data, filePath: e.file, digest: generateDigest(raw) });
      }
    },
  };
}
