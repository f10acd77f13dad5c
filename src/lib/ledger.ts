import { getCollection, type CollectionEntry } from 'astro:content';
import { buildLedger, type Ledger } from './build-ledger';

let ledger: Promise<Ledger> | undefined;

/**
 * The whole corpus, resolved and cross-linked, built once per build and shared by every page.
 * Pages call this and look things up in its maps; nothing scans a collection per page.
 */
export function getLedger(): Promise<Ledger> {
  ledger ??= Promise.all([getCollection('articles'), getCollection('claims'), getCollection('sources'), getCollection('topics'), getCollection('events')]).then(
    ([articles, claims, sources, topics, events]) =>
      buildLedger({
        articles: articles.map((e: CollectionEntry<'articles'>) => ({ id: e.id, data: e.data, body: e.body, entry: e })),
        claims: claims.map((e) => ({ id: e.id, data: e.data })),
        sources: sources.map((e) => ({ id: e.id, data: e.data })),
        topics: topics.map((e) => ({ id: e.id, data: e.data })),
        events: events.map((e) => ({ id: e.id, data: e.data })),
      }),
  );
  return ledger;
}

export type { Ledger };
