import { claimOfListEntry, decodeRecord, matchesFilters, type ClaimInfo } from './search-record';
import type { SearchState } from './search-state';

// Pagefind finds reports; a reader is shown claims. This module turns one report's search result
// (its fragment) into the claims it matched, and the report itself where its text matched, and
// merges them across reports in rank or date order, reading fragments only as far as a page needs.

/** An element with an id inside a report's indexed body, as pagefind records it. */
export interface Anchor {
  element: string;
  id: string;
  text: string;
  /** The index of its first word among the page's indexed words. */
  location: number;
}

/** What pagefind returns for one indexed report (`result.data()`). */
export interface ResultData {
  url: string;
  /** The indexed text: its words, split at white space, are what `location`s count. */
  content: string;
  meta: Record<string, string | undefined>;
  anchors: Anchor[];
  /** Where the query's words occur, as word indexes. */
  locations: number[];
}

/** One result as the list shows it: a claim, a report, or a report that could not be loaded. */
export type Item =
  | { type: 'claim'; claim: ClaimInfo; report: ResultData; quote: Anchor | undefined; hits: number[]; key: string }
  | { type: 'report'; report: ResultData; near: Anchor[]; hits: number[]; textEnd: number; key: string }
  | { type: 'error'; key: string };

/** A text's words as pagefind counts their locations: split at white space. */
export const splitWords = (text: string): string[] => text.split(/\s+/).filter(Boolean);

// A report's record, decoded once: date order reads it to bound the reports still unread (`span`),
// then again for its results (`itemsOf`).
const decoded = new WeakMap<ResultData, ReturnType<typeof decodeRecord>>();
const recordOf = (data: ResultData): ReturnType<typeof decodeRecord> => {
  let rec = decoded.get(data);
  if (!rec) decoded.set(data, (rec = decodeRecord(data.meta['claims'], data.meta['title'] ?? '')));
  return rec;
};

/**
 * The results one report gives for a search: each claim the query's words fall in (its entry in
 * the claim list, i.e. what it says or who said it, or its quote in the text), the strongest
 * first, then the report itself if words matched in its text; each only if it matches every
 * chosen filter. Without words, every claim (in text order) and the report that match the filters.
 * A quote's range is its anchor's position up to its own length: a word after the quote is not
 * the claim's, even before the next claim's quote begins.
 */
export function itemsOf(data: ResultData, state: Pick<SearchState, 'q' | 'filters'>): Item[] {
  const { report, claims } = recordOf(data);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const quotes = data.anchors
    .filter((a) => a.element === 'mark' && byId.has(a.id))
    .map((a) => ({ a, end: a.location + splitWords(a.text).length }));
  const entries = data.anchors
    .map((a) => ({ id: claimOfListEntry(a.id), location: a.location }))
    .filter((e): e is { id: string; location: number } => e.id !== undefined && byId.has(e.id))
    .sort((x, y) => x.location - y.location);
  const listStart = entries[0]?.location ?? Infinity;

  const score = new Map<string, number>();
  const hits = new Map<string, number[]>();
  const textHits: number[] = [];
  for (const loc of state.q ? data.locations : []) {
    if (loc >= listStart) {
      // The claim list holds nothing but its entries: a word there belongs to the entry it follows.
      const entry = entries.filter((e) => e.location <= loc).pop()!;
      score.set(entry.id, (score.get(entry.id) ?? 0) + 10);
      continue;
    }
    textHits.push(loc);
    for (const { a, end } of quotes) {
      if (loc < a.location || loc >= end) continue;
      score.set(a.id, (score.get(a.id) ?? 0) + 1);
      hits.set(a.id, [...(hits.get(a.id) ?? []), loc]);
    }
  }

  const ok = (c: ClaimInfo): boolean => matchesFilters(c.values, state.filters);
  const matched = state.q
    ? claims.filter((c) => score.has(c.id)).sort((x, y) => score.get(y.id)! - score.get(x.id)!)
    : claims;
  const items: Item[] = matched.filter(ok).map((claim) => ({
    type: 'claim',
    claim,
    report: data,
    quote: quotes.find((q) => q.a.id === claim.id)?.a,
    hits: hits.get(claim.id) ?? [],
    key: claim.sortKey,
  }));
  if ((!state.q || textHits.length) && matchesFilters(report.values, state.filters))
    items.push({
      type: 'report',
      report: data,
      near: nearestClaims(
        quotes.map((q) => q.a),
        textHits,
      ),
      hits: textHits,
      textEnd: listStart,
      key: report.sortKey,
    });
  return items;
}

/** The claims in a report closest before the words that matched, as anchors to link to. */
function nearestClaims(marks: Anchor[], locations: number[], max = 3): Anchor[] {
  const sorted = [...marks].sort((a, b) => a.location - b.location);
  const picked = new Map<string, Anchor>();
  for (const loc of locations) {
    const best = sorted.filter((a) => a.location <= loc).pop();
    if (best) picked.set(best.id, best);
    if (picked.size >= max) break;
  }
  return [...picked.values()];
}

/** The earliest and the latest date sort key of a report's results (its claims and itself). */
function span(data: ResultData): { first: string; last: string } {
  const { report, claims } = recordOf(data);
  const keys = [report.sortKey, ...claims.map((c) => c.sortKey)].sort();
  return { first: keys[0]!, last: keys[keys.length - 1]! };
}

/**
 * The results of one search, read lazily. Pagefind ranks (or orders by date) reports; `take`
 * reads their fragments in that order (the next in line alone, or in date order with the one
 * after it, then the rest of a window of `ahead` in parallel once they have arrived) and hands out
 * results in display order as each report is read, until a page is full.
 *
 * In date order, pagefind orders reports by their earliest claim date (oldest first) or their
 * latest (newest first). A result read is held until no report still unread can hold one that
 * comes before it: for oldest first, until its date is no later than the next unread report's
 * earliest; that report's fragment is read (it is among those fetched ahead) to know it.
 */
export class Feed {
  private readonly fetched: Promise<ResultData | null>[] = [];
  private next = 0;
  private held: Item[] = [];
  private ready: Item[] = [];

  constructor(
    private readonly results: readonly { data: () => Promise<ResultData> }[],
    private readonly state: Pick<SearchState, 'q' | 'filters' | 'sort'>,
    private readonly ahead = 10,
  ) {}

  /** Whether every result has been handed out. */
  get done(): boolean {
    return this.next >= this.results.length && this.held.length === 0 && this.ready.length === 0;
  }

  private fetch(i: number): Promise<ResultData | null> {
    return (this.fetched[i] ??= this.results[i]!.data().catch(() => null));
  }

  /** Hands out up to `want` more results, calling `show` with each batch as soon as it is known. */
  async take(want: number, show: (items: Item[]) => void): Promise<void> {
    let given = 0;
    const give = (): void => {
      const batch = this.ready.splice(0, want - given);
      given += batch.length;
      if (batch.length) show(batch);
    };
    give();
    const n = this.results.length;
    const asc = this.state.sort === 'date-asc';
    while (given < want && !this.done) {
      if (this.next < n) {
        // The report next in line first (in date order the one after it too: its date decides
        // what can be shown), the others of the window once they have arrived: requested together,
        // the ten are downloaded and unzipped on the page's one thread in whatever order they come
        // back, and the first result waited for most of them.
        const from = this.next;
        const head = Math.min(n, from + (this.state.sort ? 2 : 1));
        const first: Promise<unknown>[] = [];
        for (let i = from; i < head; i++) first.push(this.fetch(i));
        void Promise.all(first).then(() => {
          for (let i = head; i < Math.min(n, from + this.ahead); i++) void this.fetch(i);
        });
        const data = await this.fetch(this.next++);
        const items: Item[] = data ? itemsOf(data, this.state) : [{ type: 'error', key: '' }];
        if (!this.state.sort) this.ready.push(...items);
        else this.held.push(...items);
      }
      if (this.state.sort) {
        // Stable: equal dates keep the order their reports were read in.
        this.held.sort((x, y) => (asc ? x.key.localeCompare(y.key) : y.key.localeCompare(x.key)));
        const upcoming = this.next < n ? await this.fetch(this.next) : undefined;
        let release = this.held.length;
        if (upcoming === null)
          release = 0; // unknown until that report is read (as an error)
        else if (upcoming) {
          const bound = asc ? span(upcoming).first : span(upcoming).last;
          release = this.held.findIndex((it) => (asc ? it.key > bound : it.key < bound));
          if (release < 0) release = this.held.length;
        }
        this.ready.push(...this.held.splice(0, release));
      }
      give();
    }
  }
}
