import { getLedger } from '../model/ledger';
import type { Article, Claim, LedgerEvent, Source, Topic } from '../model/types';
import { advanceRows, casualtyRows, FIGURE_SORTS, sortFigures, type FigureSort } from './figure-views';
import type { BarInput } from './charts';

// What each keyed page shows, from the reference its `getStaticPaths()` entry carries (`keyedRefs`
// in page-keys.ts): the page and its key resolve the same reference the same way.

/** `map.get(id)`, or an error naming what is missing (a reference from another build's paths). */
function must<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`page-props: no ${what} "${id}" in the ledger`);
  return found;
}

/** A report page: the report, and the digest of its body as the content loader rendered it. */
export const articlePage = (ref: { id: string; bodyDigest: string }): { article: Article; bodyDigest: string } => ({
  article: must(getLedger().articleById, ref.id, 'report'),
  bodyDigest: ref.bodyDigest,
});

/** A claim page. */
export const claimPage = (ref: { id: string }): { claim: Claim } => ({
  claim: must(getLedger().claimById, ref.id, 'claim'),
});

/** A source page. */
export const sourcePage = (ref: { id: string }): { source: Source } => ({
  source: must(getLedger().sourceById, ref.id, 'source'),
});

/** A topic page. */
export const topicPage = (ref: { id: string }): { topic: Topic } => ({
  topic: must(getLedger().topicById, ref.id, 'topic'),
});

/** An event page: the event and its topics. */
export function eventPage(ref: { id: string }): { ev: LedgerEvent; topics: Topic[] } {
  const ledger = getLedger();
  const ev = must(ledger.eventById, ref.id, 'event');
  return { ev, topics: ev.data.topics.map((t) => must(ledger.topicById, t, 'topic')) };
}

/** A figures page: its order (by its slug, "" for the first), the figures in that order, and the two charts. */
export function figuresPage(ref: { sort: string }): {
  sort: FigureSort;
  items: ReturnType<typeof sortFigures>;
  losses: BarInput[];
  advances: BarInput[];
} {
  const ledger = getLedger();
  const sort = FIGURE_SORTS.find((s) => s.slug === ref.sort);
  if (!sort) throw new Error(`page-props: no figure order "${ref.sort}"`);
  return {
    sort,
    items: sortFigures(ledger.figures, sort.slug),
    losses: casualtyRows(ledger),
    advances: advanceRows(ledger),
  };
}
