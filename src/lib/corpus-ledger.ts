import type { ValidatedCorpus } from './content/validate';
import { buildLedger, type Ledger } from './build-ledger';

/**
 * Builds the ledger straight from the validated corpus, without `astro:content`: for code that
 * runs outside page rendering (build hooks, tests) and must agree with the pages.
 */
export function ledgerFromCorpus(corpus: ValidatedCorpus): Ledger {
  return buildLedger({
    articles: corpus.articles.map((a) => ({ id: a.id, data: a.data, body: a.body })),
    claims: corpus.claims.map((c) => ({ id: c.data.id, data: { ...c.data, article: c.article, context: c.context } })),
    sources: corpus.sources,
    topics: corpus.topics,
    events: corpus.events,
  });
}
