import type { Ledger } from './build-ledger';
import { groupBy } from './group';
import type { DateSpec } from '../schemas/common';
import { formatDateSpec } from './dates';
import { articleUrl } from './urls';

/**
 * How many values a filter panel lists. A large corpus has a report value per report and a
 * claimant value per source: thousands of checkboxes would make the search page heavier than
 * the search itself. The commonest are listed; the script re-lists them for each query.
 */
export const FACET_CAP = 30;

/** A filter the search page offers, with its values and how many pages carry each. */
export interface Facet {
  /** URL parameter and pagefind filter name. */
  key: 'topic' | 'claimant' | 'kind' | 'report' | 'year' | 'evidence';
  label: string;
  /** The values listed on the page: the commonest, at most `FACET_CAP`. */
  values: { value: string; count: number }[];
  /** How many values the filter has in all. */
  total: number;
}

/** The date a claim is filed under in search: its event, else when it was said, else its report's. */
export const filingDate = (c: Ledger['claims'][number]): DateSpec => c.data.about ?? c.data.stated ?? c.article.data.published;

const yearOfClaim = (c: Ledger['claims'][number]): string => filingDate(c).date.slice(0, 4);

/**
 * The filters and their values, computed from the ledger at build time with the same rules the
 * pages use to tag themselves for pagefind, so the form works (as a plain GET form) before any
 * script runs and the counts are right before the first query.
 */
export function searchFacets(ledger: Ledger): Facet[] {
  const count = (values: string[]): { value: string; count: number }[] =>
    [...groupBy(values, (v) => v)]
      .map(([value, list]) => ({ value, count: list.length }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en'));
  const topicValues = [...ledger.claims.flatMap((c) => c.topics.map((t) => t.data.name)), ...ledger.articles.flatMap((a) => a.topics.map((t) => t.data.name))];
  const facets: Omit<Facet, 'total'>[] = [
    { key: 'topic', label: 'Topic', values: count(topicValues) },
    { key: 'claimant', label: 'Claimant', values: count(ledger.claims.map((c) => c.claimant.data.name)) },
    { key: 'kind', label: 'Kind', values: count([...ledger.claims.map((c) => c.data.kind), ...ledger.articles.map(() => 'report')]) },
    { key: 'report', label: 'Report', values: count([...ledger.claims, ...ledger.articles.map((a) => ({ article: a }))].map((x) => x.article.data.title)) },
    {
      key: 'year',
      label: 'Year',
      values: count([...ledger.claims.map(yearOfClaim), ...ledger.articles.map((a) => a.data.published.date.slice(0, 4))]).sort((a, b) =>
        b.value.localeCompare(a.value),
      ),
    },
    // Claims only: a report has no single origin or dispute of its own.
    { key: 'evidence', label: 'Evidence', values: count(ledger.claims.flatMap((c) => c.evidence.filterValues)) },
  ];
  return facets.map((f) => ({ ...f, values: f.values.slice(0, FACET_CAP), total: f.values.length }));
}

/** What a page tells pagefind about itself besides its text: filters, metadata, sort keys. */
export interface SearchTags {
  filters: [key: Facet['key'], value: string][];
  meta: [key: string, value: string][];
  sort: [key: string, value: string][];
}

/** A claim page's tags: the same rules `searchFacets` counts by. */
export function claimSearchTags(c: Ledger['claims'][number]): SearchTags {
  const when = filingDate(c);
  return {
    filters: [
      ['kind', c.data.kind],
      ['claimant', c.claimant.data.name],
      ['report', c.article.data.title],
      ['year', when.date.slice(0, 4)],
      ...c.topics.map((t): [Facet['key'], string] => ['topic', t.data.name]),
      ...c.evidence.filterValues.map((v): [Facet['key'], string] => ['evidence', v]),
    ],
    meta: [
      ['date', formatDateSpec(when)],
      ['claimant', c.claimant.data.name],
      ['report', c.article.data.title],
      ['anchor', articleUrl(c.article.id, c.id)],
    ],
    sort: [['date', when.date]],
  };
}

/** A report page's tags. */
export function articleSearchTags(a: Ledger['articles'][number]): SearchTags {
  return {
    filters: [
      ['kind', 'report'],
      ['report', a.data.title],
      ['year', a.data.published.date.slice(0, 4)],
      ...a.topics.map((t): [Facet['key'], string] => ['topic', t.data.name]),
    ],
    meta: [['date', formatDateSpec(a.data.published)]],
    sort: [['date', a.data.published.date]],
  };
}
