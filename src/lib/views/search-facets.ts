import type { Article, Claim, Ledger } from '../model/ledger';
import { groupBy } from '../model/group';
import type { DateSpec } from '../../schemas/common';
import { formatDateSpec, sortKey, yearLabel } from '../model/dates';
import { claimUrl } from '../urls';
import { jsonForHtml } from '../exports/safe-json';
import type { ClaimEntry, ReportRecord } from '../client/search-record';
import { FILTER_KEYS, type FilterKey } from '../client/search-state';
import { compareText } from '../order';

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
const LABELS: Record<FilterKey, string> = {
  topic: 'Topic',
  claimant: 'Claimant',
  kind: 'Kind',
  report: 'Report',
  year: 'Year',
  evidence: 'Evidence',
};

/**
 * The filters and their values, computed from the ledger at build time with the rules the report
 * pages use to tag themselves for pagefind (`articleSearchTags`), so the form works (as a plain GET
 * form) before any script runs. Pagefind indexes reports, so a count is the number of reports with
 * the value (on a claim of theirs or on the report itself), as pagefind counts once a search runs.
 */
export function searchFacets(ledger: Ledger): Facet[] {
  const values = new Map<FilterKey, string[]>(FILTER_KEYS.map((k) => [k, []]));
  for (const a of ledger.articles) for (const [key, value] of articleFilters(a)) values.get(key)!.push(value);
  return FILTER_KEYS.map((key) => {
    const counted = [...groupBy(values.get(key)!, (v) => v)]
      .map(([value, list]) => ({ value, count: list.length }))
      .sort((a, b) => b.count - a.count || compareText(a.value, b.value));
    // Years read newest first; every other filter commonest first.
    if (key === 'year') counted.sort((a, b) => compareText(b.value, a.value));
    return { key, label: LABELS[key], values: counted.slice(0, FACET_CAP), total: counted.length };
  });
}

/** What a report page tells pagefind about itself besides its text: filters, metadata, sort keys. */
export interface SearchTags {
  filters: [key: Facet['key'], value: string][];
  meta: [key: string, value: string][];
  sort: [key: string, value: string][];
}

/** A claim's filter values: the same rules the search page's script checks each claim by. */
export function claimFilters(c: Claim): [key: Facet['key'], value: string][] {
  return [
    ['kind', c.data.kind],
    ['claimant', c.claimant.data.name],
    ['report', c.article.data.title],
    ['year', yearLabel(filingDate(c).date)],
    ...c.topics.map((t): [Facet['key'], string] => ['topic', t.data.name]),
    ...c.evidence.filterValues.map((v): [Facet['key'], string] => ['evidence', v]),
  ];
}

/** A report's own filter values, as a result of its own. */
const ownFilters = (a: Article): [key: Facet['key'], value: string][] => [
  ['kind', 'report'],
  ['report', a.data.title],
  ['year', yearLabel(a.data.published.date)],
  ...a.topics.map((t): [Facet['key'], string] => ['topic', t.data.name]),
];

/**
 * A report's filter values as its page carries them: its own and every value of its claims, each
 * once. `searchFacets` counts by these, so the page's counts are pagefind's before any query.
 */
function articleFilters(a: Article): [key: Facet['key'], value: string][] {
  const filters = new Map<string, [Facet['key'], string]>();
  for (const f of [...ownFilters(a), ...a.claims.flatMap(claimFilters)]) filters.set(`${f[0]}\n${f[1]}`, f);
  return [...filters.values()];
}

/** The report's search record (see `ReportRecord`): what its search results show of each claim. */
export function searchRecord(a: Article): ReportRecord {
  const topics = new Map<string, number>();
  const ix = (names: string[]): number[] =>
    names.map((n) => topics.get(n) ?? (topics.set(n, topics.size), topics.size - 1));
  const r: ReportRecord['r'] = [
    yearLabel(a.data.published.date),
    sortKey(a.data.published.date),
    ix(a.topics.map((t) => t.data.name)),
  ];
  const c = a.claims.map((cl): ClaimEntry => {
    const when = filingDate(cl);
    return [
      cl.id,
      claimUrl(cl.id),
      cl.data.statement,
      cl.claimant.data.name,
      cl.data.kind,
      formatDateSpec(when),
      sortKey(when.date),
      yearLabel(when.date),
      ix(cl.topics.map((t) => t.data.name)),
      cl.evidence.filterValues,
    ];
  });
  return { t: [...topics.keys()], r, c };
}

/**
 * A report page's tags. Pagefind filters whole pages: the report carries every value of its
 * claims and its own (OR within a filter finds it; the script then keeps only the claims, and the
 * report, that match every chosen filter). Its claims' dates give two sort keys, the earliest and
 * the latest, so the script can merge claims across reports in date order. Its claims travel as
 * one metadata field (`claims`), in the fragment, not in the page list.
 */
export function articleSearchTags(a: Article): SearchTags {
  const keys = [sortKey(a.data.published.date), ...a.claims.map((c) => sortKey(filingDate(c).date))].sort();
  return {
    filters: articleFilters(a),
    meta: [
      ['date', formatDateSpec(a.data.published)],
      ['claims', jsonForHtml(searchRecord(a))],
    ],
    sort: [
      ['first', keys[0]!],
      ['last', keys[keys.length - 1]!],
    ],
  };
}
