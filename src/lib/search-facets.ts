import type { Article, Claim, Ledger } from './ledger';
import { groupBy } from './group';
import type { DateSpec } from '../schemas/common';
import { formatDateSpec, sortKey, yearLabel } from './dates';
import { articleUrl } from './urls';
import { FILTER_KEYS, type FilterKey } from './client/search-state';

/**
 * How many values a filter panel lists. A large corpus has a report value per report and a
 * claimant value per source: thousands of checkboxes would make the search page heavier than
 * the search itself. The commonest are listed; the script re-lists them for each query.
 */
export const FACET_CAP = 30;

/** A filter the search page offers, with its values and how many pages carry each. */
export interface Facet {
  /** URL parameter and pagefind filter name. */
  key: FilterKey;
  label: string;
  /** The values listed on the page: the commonest, at most `FACET_CAP`. */
  values: { value: string; count: number }[];
  /** How many values the filter has in all. */
  total: number;
}

/** The date a claim is filed under in search: its event, else when it was said, else its report's. */
export const filingDate = (c: Claim): DateSpec => c.data.about ?? c.data.stated ?? c.article.data.published;

/** The filters' labels, by key; the order is `FILTER_KEYS`'s. */
// Evidence is tagged on claims only: a report has no single origin or dispute of its own.
const LABELS: Record<FilterKey, string> = { topic: 'Topic', claimant: 'Claimant', kind: 'Kind', report: 'Report', year: 'Year', evidence: 'Evidence' };

/**
 * The filters and their values, computed from the ledger at build time with the same rules the
 * pages use to tag themselves for pagefind (`claimSearchTags`, `articleSearchTags`), so the form
 * works (as a plain GET form) before any script runs and the counts are right before the first query.
 */
export function searchFacets(ledger: Ledger): Facet[] {
  const values = new Map<FilterKey, string[]>(FILTER_KEYS.map((k) => [k, []]));
  for (const tags of [...ledger.claims.map(claimSearchTags), ...ledger.articles.map(articleSearchTags)]) {
    for (const [key, value] of tags.filters) values.get(key)!.push(value);
  }
  return FILTER_KEYS.map((key) => {
    const counted = [...groupBy(values.get(key)!, (v) => v)]
      .map(([value, list]) => ({ value, count: list.length }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en'));
    // Years read newest first; every other filter commonest first.
    if (key === 'year') counted.sort((a, b) => b.value.localeCompare(a.value));
    return { key, label: LABELS[key], values: counted.slice(0, FACET_CAP), total: counted.length };
  });
}

/** What a page tells pagefind about itself besides its text: filters, metadata, sort keys. */
export interface SearchTags {
  filters: [key: Facet['key'], value: string][];
  meta: [key: string, value: string][];
  sort: [key: string, value: string][];
}

/** A claim page's tags: the same rules `searchFacets` counts by. */
export function claimSearchTags(c: Claim): SearchTags {
  const when = filingDate(c);
  return {
    filters: [
      ['kind', c.data.kind],
      ['claimant', c.claimant.data.name],
      ['report', c.article.data.title],
      ['year', yearLabel(when.date)],
      ...c.topics.map((t): [Facet['key'], string] => ['topic', t.data.name]),
      ...c.evidence.filterValues.map((v): [Facet['key'], string] => ['evidence', v]),
    ],
    meta: [
      ['date', formatDateSpec(when)],
      ['claimant', c.claimant.data.name],
      ['report', c.article.data.title],
      ['anchor', articleUrl(c.article.id, c.id)],
    ],
    sort: [['date', sortKey(when.date)]],
  };
}

/** A report page's tags. */
export function articleSearchTags(a: Article): SearchTags {
  return {
    filters: [
      ['kind', 'report'],
      ['report', a.data.title],
      ['year', yearLabel(a.data.published.date)],
      ...a.topics.map((t): [Facet['key'], string] => ['topic', t.data.name]),
    ],
    meta: [['date', formatDateSpec(a.data.published)]],
    sort: [['date', sortKey(a.data.published.date)]],
  };
}
