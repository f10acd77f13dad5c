import type { DateSpec } from '../schemas/common';

/** How precise a date is, from its form. */
export type Precision = 'year' | 'month' | 'day';

/** The precision of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string. */
export function precisionOf(date: string): Precision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

// One formatter per precision, created once: Intl does the month names, not a table of ours.
const FORMATS: Record<Precision, Intl.DateTimeFormat> = {
  year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** A date string as a UTC `Date` at its first day. */
export function toUtcDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** Formats a date at its own precision: "2025", "July 2025", "7 July 2025". */
export function formatDate(date: string): string {
  return FORMATS[precisionOf(date)].format(toUtcDate(date));
}

/** Formats a DateSpec for reading; inferred dates are marked "about" so they never pass as stated. */
export function formatDateSpec(spec: DateSpec): string {
  return spec.basis === 'inferred' ? `about ${formatDate(spec.date)}` : formatDate(spec.date);
}

/** A short label for the precision and basis, e.g. "month, inferred". */
export function describeDateSpec(spec: DateSpec): string {
  return `${precisionOf(spec.date)} precision, ${spec.basis}`;
}

/** The year of a date string. */
export const yearOf = (date: string): string => date.slice(0, 4);
