/** The search state that lives in the URL: `/search/?q=...&topic=...&topic=...&sort=...`. */
export interface SearchState {
  q: string;
  sort: '' | 'date-desc' | 'date-asc';
  filters: Record<string, string[]>;
}

/** The filter names, in the order the page shows them: URL parameters and pagefind filter names. */
export const FILTER_KEYS = ['topic', 'claimant', 'kind', 'report', 'year', 'evidence'] as const;

/** One of the filter names. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The element id of a filter value's checkbox, the same whether the page rendered it or the
 * script added it. Letters and digits are kept and every other character is written as its code
 * point, so two values never share an id.
 */
export function facetInputId(key: FilterKey | string, value: string): string {
  return `f-${key}-${[...value].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`)).join('')}`;
}

/** Reads the state from a query string. Unknown parameters are ignored. */
export function parseState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const sort = p.get('sort');
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const values = p.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return { q: (p.get('q') ?? '').trim(), sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '', filters };
}

/** Writes the state as a query string (with the leading `?`, or empty), in a stable order. */
export function stateToQuery(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const key of FILTER_KEYS) for (const v of state.filters[key] ?? []) p.append(key, v);
  if (state.sort) p.set('sort', state.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * Pagefind's filter and sort options for a state: OR within a filter, AND across filters.
 * Pagefind filters and sorts reports; the search page then keeps the claims that match.
 * `counted` names the filters whose per-value counts the page wants back (the panels a reader
 * has open). Pagefind fetches a filter's index only when a search names that filter, and
 * returns counts only for the indexes it has; an empty `any` names a filter without narrowing
 * the results, so only the counts a reader can see are downloaded.
 */
export function pagefindOptions(
  state: SearchState,
  counted: readonly string[] = [],
): { filters: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of counted) filters[key] = { any: [] };
  for (const [key, values] of Object.entries(state.filters)) if (values.length) filters[key] = { any: values };
  // A report is filed under its earliest claim date for oldest first, its latest for newest first
  // (see Feed in ./search-feed.ts, which merges their claims).
  return { filters, ...(state.sort ? { sort: state.sort === 'date-asc' ? { first: 'asc' } : { last: 'desc' } } : {}) };
}

/**
 * The status line over a search's results. Pagefind counts reports (the unit of the index), and
 * the list shows each matching report with its matching claims, so the line says that it counts
 * reports, in the right number.
 */
export function matchStatus(reports: number, described: string): string {
  return reports === 1
    ? `1 report matches ${described}; it is listed with its matching claims.`
    : `${reports} reports match ${described}; each is listed with its matching claims.`;
}
