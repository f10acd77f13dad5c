import { earliestDay, parseDateRange, type DateRange, type DateSpec } from '../../schemas/common';

/** How precise a point is, from its form. */
export type Precision = 'year' | 'month' | 'day';

/** The precision of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` point. */
export function precisionOf(date: string): Precision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

// Parsed ranges and formatted dates, by date string: a corpus has few distinct dates, but every
// claim page formats several, so at scale parsing and Intl formatting were redone tens of
// thousands of times. Both are pure functions of the string.
const RANGES = new Map<string, DateRange>();
const FORMATTED = new Map<string, string>();

/**
 * A validated date string as a range; content has passed the schema, so this cannot fail.
 * The result is shared between callers (cached): do not modify it.
 */
export function rangeOf(date: string): DateRange {
  let r = RANGES.get(date);
  if (r === undefined) {
    const parsed = parseDateRange(date);
    if (typeof parsed === 'string') throw new Error(parsed);
    r = Object.freeze(parsed);
    RANGES.set(date, r);
  }
  return r;
}

/**
 * The precision of any date the content gives (a point, an interval or a bound): that of its known
 * start, or of its end for an open start. Read off the whole string, an interval of months
 * (`2022-09/2022-10`) would count as days. The JSON and CSV exports both use this.
 */
export function dateSpecPrecision(date: string): Precision {
  const r = rangeOf(date);
  return precisionOf((r.start ?? r.end)!);
}

/** Whether a date is a single point (at any precision) rather than an interval or a bound. */
export const isPoint = (date: string): boolean => rangeOf(date).kind === 'point';

// One formatter per precision, created once: Intl does the month names, not a table of ours.
const FORMATS: Record<Precision, Intl.DateTimeFormat> = {
  year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** A point as a UTC `Date` at its first day (for an interval or a bound, its first known point). */
export function toUtcDate(date: string): Date {
  const r = rangeOf(date);
  const [y, m, d] = (r.start ?? r.end!).split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

function formatPoint(point: string): string {
  const [y, m, d] = point.split('-').map(Number);
  return FORMATS[precisionOf(point)].format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

/**
 * Formats a date at its own precision: "2025", "July 2025", "7 July 2025"; an interval as
 * "June–July 2022" or "2022–2023"; a bound as "no earlier than 31 May 2024" or "no later than 2022".
 */
export function formatDate(date: string): string {
  let text = FORMATTED.get(date);
  if (text === undefined) {
    text = formatUncached(date);
    FORMATTED.set(date, text);
  }
  return text;
}

function formatUncached(date: string): string {
  const r = rangeOf(date);
  if (r.kind === 'point') return formatPoint(date);
  if (r.start === null) return `no later than ${formatPoint(r.end!)}`;
  if (r.end === null) return `no earlier than ${formatPoint(r.start)}`;
  const [sy] = r.start.split('-');
  const [ey] = r.end.split('-');
  // Months of one year read "June–July 2022"; anything else spells both ends out.
  if (sy === ey && precisionOf(r.start) === 'month' && precisionOf(r.end) === 'month') {
    return `${MONTH.format(toUtcDate(r.start))}–${formatPoint(r.end)}`;
  }
  // Days of one month read "5–6 July 2025".
  if (precisionOf(r.start) === 'day' && precisionOf(r.end) === 'day' && r.start.slice(0, 7) === r.end.slice(0, 7)) {
    return `${Number(r.start.slice(8))}–${formatPoint(r.end)}`;
  }
  return `${formatPoint(r.start)}–${formatPoint(r.end)}`;
}

/**
 * Formats a DateSpec for reading. An inferred date is marked "(inferred)": inferred is not
 * approximate ("about"), since an inferred date may be exact (a day the text gives without its year).
 */
export function formatDateSpec(spec: DateSpec): string {
  const text = formatDateSpecBrief(spec);
  return spec.basis === 'inferred' ? `${text} (inferred)` : text;
}

/**
 * The date as `formatDateSpec` gives it, without the "(inferred)": for where `describeDateSpec`
 * follows and already says "inferred".
 */
export function formatDateSpecBrief(spec: DateSpec): string {
  return formatDate(spec.date);
}

/** A short label for the precision and basis, e.g. "month, inferred" or "interval of months, stated". */
export function describeDateSpec(spec: DateSpec): string {
  const r = rangeOf(spec.date);
  if (r.kind === 'point') return `${precisionOf(spec.date)} precision, ${spec.basis}`;
  const known = (r.start ?? r.end)!;
  const what = r.kind === 'interval' ? 'interval' : r.start === null ? 'upper bound' : 'lower bound';
  return `${what}, ${precisionOf(known)} precision, ${spec.basis}`;
}

// Sorts call `sortKey` from their comparators, O(n log n) times over a few distinct dates: parsing
// each time was seconds of a 5,000-report build. A date string's key never changes.
const sortKeys = new Map<string, string>();

/** A key that sorts dates by their first possible day (a "no later than" by its last). */
export function sortKey(date: string): string {
  let key = sortKeys.get(date);
  if (key === undefined) {
    const r = rangeOf(date);
    key = r.start === null ? earliestDay(r.end!) : earliestDay(date);
    sortKeys.set(date, key);
  }
  return key;
}

/** The year of a point, or of the first known end of an interval or bound (for ordering and grouping). */
export const yearOf = (date: string): string => sortKey(date).slice(0, 4);

/**
 * The year or years a date can fall in, as a label: "2022", "2022–2023", "2024 or later",
 * "2022 or earlier". Used where a date is filed under a year (the timeline, the search facet).
 */
export function yearLabel(date: string): string {
  const r = rangeOf(date);
  if (r.start === null) return `${r.end!.slice(0, 4)} or earlier`;
  if (r.end === null) return `${r.start.slice(0, 4)} or later`;
  const [a, b] = [r.start.slice(0, 4), r.end.slice(0, 4)];
  return a === b ? a : `${a}–${b}`;
}

/** The EDTF form for an HTML `datetime` attribute: only a point is valid there, so others get none. */
export const datetimeAttr = (date: string): string | undefined => (isPoint(date) ? date : undefined);
