import type { FilterKey } from './search-state';
import { pageId } from '../views/page-ids';

// Pagefind indexes only the report pages (one record per report, not one per claim: the page list
// and the filter files a first query downloads grow with the records). What search shows of each
// claim travels in its report's record as one metadata field, written at build time by
// `articleSearchTags` and read back here. It lives in the report's fragment, which a search
// fetches only for the reports it shows, not in the page list every search downloads. It is kept
// compact: arrays, not objects, and topic names written once per report.

/** One claim as its report's record carries it (positional, to keep the fragment small). */
export type ClaimEntry = [
  id: string,
  url: string,
  statement: string,
  claimant: string,
  kind: string,
  date: string,
  sortKey: string,
  year: string,
  topics: number[],
  evidence: string[],
];

/** The search metadata of one report: its own filter values, then its claims in text order. */
export interface ReportRecord {
  /** Topic names, each once; entries name them by index. */
  t: string[];
  /** The report as a result of its own: year, date sort key, topics. */
  r: [year: string, sortKey: string, topics: number[]];
  c: ClaimEntry[];
}

/** A claim, decoded, with the filter values it is matched against. */
export interface ClaimInfo {
  id: string;
  url: string;
  statement: string;
  claimant: string;
  kind: string;
  date: string;
  sortKey: string;
  values: Partial<Record<FilterKey, string[]>>;
}

/** A report's own sort key and filter values (a report has no claimant or evidence of its own). */
export interface ReportInfo {
  sortKey: string;
  values: Partial<Record<FilterKey, string[]>>;
}

/** Reads a report's record back from the metadata string; a malformed one yields no claims. */
export function decodeRecord(json: string | undefined, title: string): { report: ReportInfo; claims: ClaimInfo[] } {
  let rec: ReportRecord;
  try {
    rec = JSON.parse(json ?? '') as ReportRecord;
  } catch {
    return { report: { sortKey: '', values: { kind: ['report'], report: [title] } }, claims: [] };
  }
  const names = (ix: number[]): string[] => ix.map((i) => rec.t[i] ?? '');
  const [year, sortKey, topics] = rec.r;
  return {
    report: { sortKey, values: { kind: ['report'], report: [title], year: [year], topic: names(topics) } },
    claims: rec.c.map(([id, url, statement, claimant, kind, date, key, y, t, evidence]) => ({
      id,
      url,
      statement,
      claimant,
      kind,
      date,
      sortKey: key,
      values: { kind: [kind], claimant: [claimant], report: [title], year: [y], topic: names(t), evidence },
    })),
  };
}

/**
 * Whether a claim or a report matches every chosen filter: one of its values is among the chosen
 * values of each filter (OR within a filter, AND across filters, as pagefind does for a page).
 * Pagefind filters whole reports, which carry the union of their claims' values, so two claims of
 * one report can between them meet filters that neither meets alone: each is checked here.
 */
export function matchesFilters(values: Partial<Record<string, string[]>>, chosen: Record<string, string[]>): boolean {
  return Object.entries(chosen).every(
    ([key, want]) => want.length === 0 || (values[key] ?? []).some((v) => want.includes(v)),
  );
}

// A report page gives each entry of its claim list an element id (a page id: `p_` cannot start a
// claim id), which pagefind records as an anchor with its word position: words that match there
// match what the claim says or who said it.
const LIST_PREFIX = pageId('list-');

/** The element id of a claim's entry in its report's claim list. */
export const listEntryId = (claimId: string): string => `${LIST_PREFIX}${claimId}`;

/** The claim id of a claim-list entry's element id, or undefined for any other element id. */
export const claimOfListEntry = (elementId: string): string | undefined =>
  elementId.startsWith(LIST_PREFIX) ? elementId.slice(LIST_PREFIX.length) : undefined;
